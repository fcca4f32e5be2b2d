package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.policy.Claims.claim;
import static org.medclaims.policy.Fixtures.amounts;

import org.junit.jupiter.api.Test;

/**
 * INP at a TERTIARY hospital, IN_SERVICE: deductible 1000.00, ratio 0.85; cap 150000.00.
 */
class InpatientAndCapTest {

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	private final Registry registry = Fixtures.registryWithCatalog().person(Fixtures.inService("P")).build();

	private HouseholdState stateWith(String fundPaid, int admissions) {
		HouseholdState state = new HouseholdState();
		state.putYearTotals("P", 2013, new YearTotals(Money.parse(fundPaid), Money.ZERO, admissions));
		return state;
	}

	private ClaimValuation admit(HouseholdState state, String amount) {
		return this.valuer.settle(claim("P").type(VisitType.INP).line("A", amount).build(), this.registry, state);
	}

	@Test
	void aFirstAdmissionBearsTheFullDeductible() {
		assertThat(admit(stateWith("0.00", 0), "10000.00").amounts()).isEqualTo(amounts("10000.00", "0.00", "0.00",
				"1000.00", "0.00", "1350.00", "0.00", "7650.00", "0.00", "0.00", "0.00", "2350.00"));
	}

	@Test
	void aSecondAdmissionBearsTheDeductibleTimesTheSubsequentFactor() {
		assertThat(admit(stateWith("0.00", 1), "10000.00").amounts().deductible()).isEqualTo(Money.parse("500.00"));
	}

	@Test
	void aDeductibleAboveTheEligibleAmountTakesOnlyTheEligibleAmount() {
		ClaimValuation valuation = admit(stateWith("0.00", 0), "999.99");
		assertThat(valuation.amounts()).isEqualTo(amounts("999.99", "0.00", "0.00", "999.99", "0.00", "0.00", "0.00",
				"0.00", "0.00", "0.00", "0.00", "999.99"));
	}

	@Test
	void aShareThatReachesTheCapExactlyIsPaidInFullWithoutWarning() {
		HouseholdState state = stateWith("142350.00", 0);
		ClaimValuation valuation = admit(state, "10000.00");
		assertThat(valuation.amounts().fund()).isEqualTo(Money.parse("7650.00"));
		assertThat(valuation.amounts().overCap()).isEqualTo(Money.ZERO);
		assertThat(valuation.codes()).isEmpty();
		assertThat(state.yearTotals("P", 2013).fundPaid()).isEqualTo(Money.parse("150000.00"));
	}

	@Test
	void onceTheCapIsReachedTheWholeShareIsOverCap() {
		HouseholdState state = stateWith("150000.00", 0);
		ClaimValuation valuation = admit(state, "10000.00");
		assertThat(valuation.amounts()).isEqualTo(amounts("10000.00", "0.00", "0.00", "1000.00", "0.00", "1350.00",
				"7650.00", "0.00", "0.00", "0.00", "0.00", "10000.00"));
		assertThat(valuation.codes()).containsExactly("W_OVER_CAP");
		assertThat(state.yearTotals("P", 2013).fundPaid()).isEqualTo(Money.parse("150000.00"));
	}

	@Test
	void aShareThatCrossesTheCapIsSplitIntoFundAndOverCap() {
		ClaimValuation valuation = admit(stateWith("149000.00", 0), "10000.00");
		assertThat(valuation.amounts().fund()).isEqualTo(Money.parse("1000.00"));
		assertThat(valuation.amounts().overCap()).isEqualTo(Money.parse("6650.00"));
		assertThat(valuation.codes()).containsExactly("W_OVER_CAP");
		assertThat(valuation.amounts().balances()).isTrue();
	}

	@Test
	void aFundPaidAboveTheCapLeavesNothingRatherThanANegativeCap() {
		ClaimValuation valuation = admit(stateWith("160000.00", 0), "10000.00");
		assertThat(valuation.amounts().fund()).isEqualTo(Money.ZERO);
		assertThat(valuation.amounts().overCap()).isEqualTo(Money.parse("7650.00"));
	}

	@Test
	void aFundRatioOfOnePaysTheWholeBaseAndARatioOfZeroNothing() {
		PolicyVersion a = ShippedPolicies.adjustment();
		PolicyVersion extreme = new PolicyVersion("extreme", a.effectiveFrom(), a.outpatientSelfPaySegment(),
				a.outpatientFundRatio(), a.inpatientDeductible(), a.inpatientSubsequentAdmissionFactor(),
				ShippedPolicies.ratios("1", "1", "1", "0", "0", "0"), a.specialDiseaseFundRatio(), a.annualFundCap(),
				true, true, a.familyCoverageRelations(), a.adhocUnregisteredFirstSelfPay());
		ClaimValuer extremeValuer = new ClaimValuer(new PolicyBook(java.util.List.of(extreme)));
		Registry both = Fixtures.registryWithCatalog()
			.person(Fixtures.inService("P"))
			.person(Fixtures.retired("R"))
			.build();

		ClaimValuation all = extremeValuer.value(claim("P").type(VisitType.INP).line("A", "3000.00").build(), both,
				new HouseholdState());
		ClaimValuation none = extremeValuer.value(claim("R").type(VisitType.INP).line("A", "3000.00").build(), both,
				new HouseholdState());

		assertThat(all.amounts().fund()).isEqualTo(Money.parse("2000.00"));
		assertThat(all.amounts().coinsurance()).isEqualTo(Money.ZERO);
		assertThat(none.amounts().fund()).isEqualTo(Money.ZERO);
		assertThat(none.amounts().coinsurance()).isEqualTo(Money.parse("2000.00"));
	}

}
