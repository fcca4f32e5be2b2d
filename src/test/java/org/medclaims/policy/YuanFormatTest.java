package org.medclaims.policy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YuanFormatTest {

	@Test
	void anAmountHasExactlyTwoDecimalsAndAtMostTenDigitsBeforeThePoint() {
		assertThat(YuanFormat.AMOUNT.matches("0.00")).isTrue();
		assertThat(YuanFormat.AMOUNT.matches("9999999999.99")).isTrue();
		assertThat(YuanFormat.AMOUNT.matches("10000000000.00")).as("11 digits").isFalse();
		for (String bad : new String[] { "12", "12.3", "12.300", "-1.00", "+1.00", ".50", "1,000.00", "１2.30", "12.3a",
				"", " 12.30" }) {
			assertThat(YuanFormat.AMOUNT.matches(bad)).as(bad).isFalse();
		}
		assertThat(YuanFormat.AMOUNT.matches(null)).isFalse();
		assertThat(Money.parse("12.30").fen()).isEqualTo(1230);
	}

	@Test
	void aClaimFilesUnitPriceHasTwoToFourDecimals() {
		assertThat(YuanFormat.FILE_UNIT_PRICE.parse("12.5000")).isEqualByComparingTo("12.5");
		assertThat(YuanFormat.FILE_UNIT_PRICE.matches("12.50")).isTrue();
		assertThat(YuanFormat.FILE_UNIT_PRICE.matches("12.5")).isFalse();
		assertThat(YuanFormat.FILE_UNIT_PRICE.matches("12")).isFalse();
		assertThat(YuanFormat.FILE_UNIT_PRICE.matches("12.50000")).isFalse();
	}

	@Test
	void aPriceOrAQuantityMayLeaveItsDecimalsOut() {
		assertThat(YuanFormat.PRICE.parse("80")).isEqualTo(new BigDecimal("80"));
		assertThat(YuanFormat.PRICE.matches("9.9999")).isTrue();
		assertThat(YuanFormat.PRICE.matches("9.99999")).isFalse();
		assertThat(YuanFormat.PRICE.matches("80.")).as("a point without decimals").isFalse();
		assertThat(YuanFormat.QUANTITY.matches("0.5")).isTrue();
		assertThat(YuanFormat.QUANTITY.matches("2")).isTrue();
		assertThat(YuanFormat.QUANTITY.matches("0.0005")).isFalse();
		assertThat(YuanFormat.QUANTITY.parse("x")).isNull();
	}

}
