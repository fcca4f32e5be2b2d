package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.policy.Claims.claim;
import static org.medclaims.policy.Fixtures.amounts;
import static org.medclaims.policy.Fixtures.balances;

import org.junit.jupiter.api.Test;

/**
 * OUT at a TERTIARY hospital, IN_SERVICE (ratio 0.60, segment 1000.00), unless said
 * otherwise.
 */
class OutpatientValuationTest {

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	private final Registry registry = Fixtures.registryWithCatalog().person(Fixtures.inService("P")).build();

	private HouseholdState stateWith(String current, String historical, String segmentUsed) {
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances(current, historical));
		state.putYearTotals("P", 2013, new YearTotals(Money.ZERO, Money.parse(segmentUsed), 0));
		return state;
	}

	@Test
	void aSegmentUsedUpExactlyLeavesTheWholeEligibleAmountToTheFundRatio() {
		ClaimValuation valuation = this.valuer.value(claim("P").line("A", "100.00").build(), this.registry,
				stateWith("0.00", "0.00", "1000.00"));
		assertThat(valuation.amounts()).isEqualTo(amounts("100.00", "0.00", "0.00", "0.00", "0.00", "40.00", "0.00",
				"60.00", "0.00", "0.00", "0.00", "40.00"));
	}

	@Test
	void aClaimThatUsesUpTheRemainingSegmentExactlyGetsNoFund() {
		HouseholdState state = stateWith("0.00", "0.00", "900.00");
		ClaimValuation valuation = this.valuer.settle(claim("P").line("A", "100.00").build(), this.registry, state);
		assertThat(valuation.amounts()).isEqualTo(amounts("100.00", "0.00", "0.00", "0.00", "100.00", "0.00", "0.00",
				"0.00", "0.00", "0.00", "0.00", "100.00"));
		assertThat(state.yearTotals("P", 2013).segmentUsed()).isEqualTo(Money.parse("1000.00"));
	}

	@Test
	void oneFenPastTheSegmentGoesToTheFundRoundedHalfUp() {
		// base 0.01 × 0.60 = 0.006 → 0.01
		ClaimValuation valuation = this.valuer.value(claim("P").line("A", "100.00").build(), this.registry,
				stateWith("0.00", "0.00", "900.01"));
		assertThat(valuation.amounts()).isEqualTo(amounts("100.00", "0.00", "0.00", "0.00", "99.99", "0.00", "0.00",
				"0.01", "0.00", "0.00", "0.00", "99.99"));
	}

	@Test
	void aFundShareOfHalfAFenRoundsUp() {
		// COMMUNITY ratio 0.70: 0.05 × 0.70 = 0.035 → 0.04
		ClaimValuation valuation = this.valuer.value(claim("P").at(HospitalLevel.COMMUNITY).line("A", "0.05").build(),
				this.registry, stateWith("0.00", "0.00", "1000.00"));
		assertThat(valuation.amounts().fund()).isEqualTo(Money.ofFen(4));
		assertThat(valuation.amounts().coinsurance()).isEqualTo(Money.ofFen(1));
	}

	@Test
	void theCurrentYearAccountPaysTheEligibleAmountBeforeTheSegment() {
		HouseholdState state = stateWith("500.00", "0.00", "0.00");
		ClaimValuation valuation = this.valuer.settle(claim("P").line("A", "300.00").line("C", "50.00").build(),
				this.registry, state);
		assertThat(valuation.amounts()).isEqualTo(amounts("350.00", "50.00", "0.00", "0.00", "0.00", "0.00", "0.00",
				"0.00", "300.00", "0.00", "0.00", "50.00"));
		assertThat(state.balances("P")).isEqualTo(balances("200.00", "0.00"));
	}

	@Test
	void aRetiredPatientHasTheSmallerSegmentAndHigherRatio() {
		Registry retired = Fixtures.registryWithCatalog().person(Fixtures.retired("R")).build();
		ClaimValuation valuation = this.valuer
			.value(claim("R").at(HospitalLevel.SECONDARY).line("A", "1000.00").build(), retired, new HouseholdState());
		// segment 700.00, base 300.00 × 0.75
		assertThat(valuation.amounts()).isEqualTo(amounts("1000.00", "0.00", "0.00", "0.00", "700.00", "75.00", "0.00",
				"225.00", "0.00", "0.00", "0.00", "775.00"));
	}

	@Test
	void aJanuaryClaimAfterADecemberClaimStartsNewAccumulatorsButKeepsTheBalances() {
		HouseholdState state = stateWith("100.00", "0.00", "1000.00");
		ClaimValuation december = this.valuer.settle(claim("P").on("2013-12-20").line("A", "600.00").build(),
				this.registry, state);
		ClaimValuation january = this.valuer.settle(claim("P").no("C2").on("2014-01-05").line("A", "600.00").build(),
				this.registry, state);

		assertThat(december.amounts()).isEqualTo(amounts("600.00", "0.00", "0.00", "0.00", "0.00", "200.00", "0.00",
				"300.00", "100.00", "0.00", "0.00", "200.00"));
		assertThat(january.amounts()).isEqualTo(amounts("600.00", "0.00", "0.00", "0.00", "600.00", "0.00", "0.00",
				"0.00", "0.00", "0.00", "0.00", "600.00"));
		assertThat(state.yearTotals("P", 2013))
			.isEqualTo(new YearTotals(Money.parse("300.00"), Money.parse("1000.00"), 0));
		assertThat(state.yearTotals("P", 2014)).isEqualTo(new YearTotals(Money.ZERO, Money.parse("600.00"), 0));
		assertThat(state.touchedYearTotals()).extracting(HouseholdState.PersonYearTotals::year)
			.containsExactly(2013, 2014);
	}

	@Test
	void aJanuaryAdmissionAfterADecemberAdmissionIsAFirstAdmissionAgain() {
		HouseholdState state = new HouseholdState();
		this.valuer.settle(claim("P").type(VisitType.INP).on("2013-12-31").line("A", "2000.00").build(), this.registry,
				state);
		ClaimValuation january = this.valuer.settle(
				claim("P").no("C2").type(VisitType.INP).on("2014-01-01").line("A", "2000.00").build(), this.registry,
				state);
		assertThat(january.amounts().deductible()).isEqualTo(Money.parse("1000.00"));
		assertThat(state.yearTotals("P", 2013).admissions()).isEqualTo(1);
		assertThat(state.yearTotals("P", 2014).admissions()).isEqualTo(1);
	}

	@Test
	void theExplanationNamesEveryRuleThatProducedAnAmount() {
		ClaimValuation valuation = this.valuer.value(claim("P").line("A", "300.00").line("B10", "200.00").build(),
				this.registry, stateWith("200.00", "5000.00", "900.00"));
		assertThat(ShippedPolicies.explanation(valuation)).containsExactly(
				"Self-pay-first (自理) 20.00: the patient's share of class B items at their self-pay ratios.",
				"The current-year account (当年账户) pays 200.00 of the eligible amount first.",
				"Outpatient self-pay segment (门诊自负段) 100.00, of a yearly 1000.00.",
				"The fund's share (统筹基金) is 180.00 × 0.60 = 108.00, the outpatient ratio for IN_SERVICE at a TERTIARY hospital.",
				"Coinsurance (共付段个人负担) 72.00: the patient's part of 180.00.",
				"The patient's historical account (历年账户) pays 192.00 of the personal part, which includes 自理 under this policy.");
		assertThat(valuation.message())
			.isEqualTo("Settled under policy 2013-05-01: fund 108.00, accounts 392.00, cash 0.00.");
	}

}
