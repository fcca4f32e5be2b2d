package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.policy.Claims.claim;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Step 1 at its boundaries; the patient has used the whole segment so lines show through
 * to the fund.
 */
class LineValuationTest {

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	private final Registry registry = Fixtures.registryWithCatalog()
		.person(Fixtures.inService("P"))
		.catalogItem(new CatalogItem("MAX", "priced", Ratio.ZERO, new BigDecimal("10.00"), Fixtures.OPEN_FROM, null))
		.catalogItem(new CatalogItem("MAXB", "priced B", Ratio.of("0.10"), new BigDecimal("10.00"), Fixtures.OPEN_FROM,
				null))
		.catalogItem(new CatalogItem("X16", "reduced", Ratio.of("0.20"), null, Fixtures.OPEN_FROM,
				LocalDate.of(2013, 4, 30)))
		.catalogItem(new CatalogItem("X16", "reduced", Ratio.of("0.10"), null, LocalDate.of(2013, 5, 1), null))
		.build();

	private ClaimValuation value(Claims claims) {
		HouseholdState state = new HouseholdState();
		state.putYearTotals("P", 2013, new YearTotals(Money.ZERO, Money.parse("1000.00"), 0));
		return this.valuer.value(claims.build(), this.registry, state);
	}

	@Test
	void classAWithRatioZeroIsWhollyEligible() {
		LineValuation line = value(claim("P").line("A", "100.00")).lines().get(0);
		assertThat(line).isEqualTo(new LineValuation(1, "A", Money.parse("100.00"), Money.ZERO, Money.ZERO, Money.ZERO,
				Money.parse("100.00"), LineRule.catalogued(Ratio.ZERO)));
		assertThat(Explanation.rule(line)).isEqualTo("class A, fully eligible");
	}

	@Test
	void classCWithRatioOneIsWhollySelfPayAndTheFundPaysNothing() {
		ClaimValuation valuation = value(claim("P").line("C", "100.00"));
		assertThat(valuation.lines().get(0).selfPay()).isEqualTo(Money.parse("100.00"));
		assertThat(valuation.amounts()).isEqualTo(Fixtures.amounts("100.00", "100.00", "0.00", "0.00", "0.00", "0.00",
				"0.00", "0.00", "0.00", "0.00", "0.00", "100.00"));
		assertThat(valuation.codes()).isEmpty();
	}

	@Test
	void anItemNotInTheCatalogIsSelfPayWithAWarningGivenOnceForTwoLines() {
		ClaimValuation valuation = value(claim("P").line("NOPE", "10.00").line("NEVER", "5.00").line("A", "10.00"));
		assertThat(valuation.amounts().selfPay()).isEqualTo(Money.parse("15.00"));
		assertThat(valuation.codes()).containsExactly("W_NOT_IN_CATALOG");
	}

	@Test
	void aUnitPriceEqualToTheMaximumIsNotOverPrice() {
		ClaimValuation valuation = value(claim("P").line("MAX", "10.00", "3"));
		assertThat(valuation.lines().get(0).overPrice()).isEqualTo(Money.ZERO);
		assertThat(valuation.lines().get(0).eligible()).isEqualTo(Money.parse("30.00"));
		assertThat(valuation.codes()).isEmpty();
	}

	@Test
	void aUnitPriceOneFenAboveTheMaximumMakesTheExcessSelfPay() {
		ClaimValuation valuation = value(claim("P").line("MAX", "10.01", "3"));
		assertThat(valuation.lines().get(0).overPrice()).isEqualTo(Money.parse("0.03"));
		assertThat(valuation.lines().get(0).selfPay()).isEqualTo(Money.parse("0.03"));
		assertThat(valuation.lines().get(0).eligible()).isEqualTo(Money.parse("30.00"));
		assertThat(valuation.codes()).containsExactly("W_OVER_PRICE");
	}

	@Test
	void aUnitPriceAboveTheMaximumByLessThanAFenWarnsEvenWhenRoundingLeavesNoExcess() {
		ClaimValuation valuation = value(claim("P").line("MAX", "10.0001", "1"));
		assertThat(valuation.lines().get(0).overPrice()).isEqualTo(Money.ZERO);
		assertThat(valuation.codes()).containsExactly("W_OVER_PRICE");
	}

	@Test
	void aThreeDecimalQuantityRoundsTheAllowedAmountOnceThenTheClassBShare() {
		// amount round(10.50 × 1.333 = 13.9965) = 14.00; allowed round(10.00 × 1.333) =
		// 13.33
		ClaimValuation valuation = value(claim("P").line("MAXB", "10.50", "1.333"));
		LineValuation line = valuation.lines().get(0);
		assertThat(line).isEqualTo(new LineValuation(1, "MAXB", Money.parse("14.00"), Money.parse("0.67"),
				Money.parse("0.67"), Money.parse("1.33"), Money.parse("12.00"),
				new LineRule(Ratio.of("0.10"), new BigDecimal("10.00"), new BigDecimal("10.50"))));
		assertThat(Explanation.rule(line))
			.isEqualTo("class B, self-pay ratio 0.10; unit price 10.50 above the maximum 10.00, excess 0.67 self-pay");
	}

	@Test
	void selfPayFirstOfHalfAFenRoundsUp() {
		ClaimValuation valuation = value(claim("P").line("B15", "0.10"));
		assertThat(valuation.lines().get(0).selfPayFirst()).isEqualTo(Money.ofFen(2));
		assertThat(valuation.lines().get(0).eligible()).isEqualTo(Money.ofFen(8));
	}

	@Test
	void theCatalogRowOf20130430StillHasTheOldRatio() {
		assertThat(value(claim("P").on("2013-04-30").line("X16", "100.00")).amounts().selfPayFirst())
			.isEqualTo(Money.parse("20.00"));
	}

	@Test
	void theCatalogRowOf20130501HasTheReducedRatio() {
		assertThat(value(claim("P").on("2013-05-01").line("X16", "100.00")).amounts().selfPayFirst())
			.isEqualTo(Money.parse("10.00"));
	}

	@Test
	void anItemWhoseCatalogRowsAllEndedBeforeTheServiceDateIsNotInTheCatalog() {
		Registry expired = Fixtures.registryWithCatalog()
			.person(Fixtures.inService("P"))
			.catalogItem(new CatalogItem("OLD", "old", Ratio.ZERO, null, Fixtures.OPEN_FROM, LocalDate.of(2013, 6, 9)))
			.build();
		ClaimValuation valuation = this.valuer.value(claim("P").line("OLD", "10.00").build(), expired,
				new HouseholdState());
		assertThat(valuation.codes()).containsExactly("W_NOT_IN_CATALOG");
		assertThat(valuation.lines().get(0).rule()).isEqualTo(LineRule.NOT_IN_CATALOG);
		assertThat(Explanation.rule(valuation.lines().get(0)))
			.isEqualTo("not in the catalog on the service date, self-pay");
	}

}
