package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyAndRatioTest {

	@Test
	void parsesYuanWithExactlyTwoDecimalsIntoFen() {
		assertThat(Money.parse("12.30").fen()).isEqualTo(1230);
		assertThat(Money.parse("0.00")).isEqualTo(Money.ZERO);
		assertThat(Money.parse("9999999999.99").fen()).isEqualTo(999999999999L);
	}

	@Test
	void rejectsAnyOtherSpellingOfAnAmount() {
		for (String bad : new String[] { "12.3", "12", "12.300", "-1.00", "+1.00", "1,00", ".50", "1.5e2", " 1.00",
				"１.00", "" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Money.parse(bad));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(null));
	}

	@Test
	void convertsYuanDecimalsWithAtMostTwoSignificantDecimals() {
		assertThat(Money.ofYuan(new BigDecimal("12.300"))).isEqualTo(Money.ofFen(1230));
		assertThat(Money.ofYuan(new BigDecimal("7"))).isEqualTo(Money.ofFen(700));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.ofYuan(new BigDecimal("12.305")));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.ofYuan(new BigDecimal("-0.01")));
	}

	@Test
	void roundsHalfUpToTheFenAlsoBeyondAnyAmount() {
		assertThat(Money.roundHalfUp(new BigDecimal("166.665"))).isEqualTo(Money.parse("166.67"));
		assertThat(Money.roundedYuan(new BigDecimal("166.665"))).isEqualByComparingTo("166.67");
		// 9999999999.00 × 9999999999: no Money holds it, the check of a line still can
		assertThat(Money.roundedYuan(new BigDecimal("9999999999.00").multiply(new BigDecimal("9999999999"))))
			.isEqualByComparingTo("99999999980000000001.00");
	}

	@Test
	void printsYuanWithTwoDecimals() {
		assertThat(Money.ofFen(0)).hasToString("0.00");
		assertThat(Money.ofFen(5)).hasToString("0.05");
		assertThat(Money.ofFen(1230)).hasToString("12.30");
		assertThat(Money.ofFen(-5)).hasToString("-0.05");
		assertThat(Money.ofFen(1230).toYuan()).isEqualTo(new java.math.BigDecimal("12.30"));
	}

	@Test
	void roundsAProductWithARatioHalfUpToTheFen() {
		assertThat(Money.parse("333.33").times(Ratio.of("0.15"))).isEqualTo(Money.parse("50.00"));
		assertThat(Money.ofFen(5).times(Ratio.of("0.7"))).isEqualTo(Money.ofFen(4));
		assertThat(Money.ofFen(5).times(Ratio.of("0.5"))).isEqualTo(Money.ofFen(3));
		assertThat(Money.ofFen(5).times(Ratio.of("0.49"))).isEqualTo(Money.ofFen(2));
		assertThat(Money.ofFen(12345).times(Ratio.ONE)).isEqualTo(Money.ofFen(12345));
		assertThat(Money.ofFen(12345).times(Ratio.ZERO)).isEqualTo(Money.ZERO);
	}

	@Test
	void roundsAUnitPriceTimesAQuantityHalfUpToTheFen() {
		assertThat(Money.roundHalfUp(new BigDecimal("10.5").multiply(new BigDecimal("1.333"))))
			.isEqualTo(Money.parse("14.00"));
		assertThat(Money.roundHalfUp(new BigDecimal("0.005"))).isEqualTo(Money.ofFen(1));
		assertThat(Money.roundHalfUp(new BigDecimal("0.0049"))).isEqualTo(Money.ZERO);
	}

	@Test
	void keepsRatiosExactAndBetweenZeroAndOne() {
		assertThat(Ratio.of("0.10")).isEqualTo(Ratio.of("0.1")).hasToString("0.10");
		assertThat(Ratio.of("1.00").isOne()).isTrue();
		assertThat(Ratio.of("0.000").isZero()).isTrue();
		assertThat(Ratio.of("0.875")).hasToString("0.875");
		assertThatIllegalArgumentException().isThrownBy(() -> Ratio.of("1.01"));
		assertThatIllegalArgumentException().isThrownBy(() -> Ratio.of("-0.1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Ratio.of("a half"));
	}

}
