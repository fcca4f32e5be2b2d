package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.policy.Claims.claim;
import static org.medclaims.policy.Fixtures.amounts;
import static org.medclaims.policy.Fixtures.balances;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The worked examples A to D of policy.md, verbatim, under the 2013-05-01 version at H1
 * (TERTIARY, LOCAL).
 */
class WorkedExamplesTest {

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	@Test
	void exampleA_outpatientWithTheCurrentAccountPartlyUsedLeavesNoCash() {
		Registry registry = Fixtures.registryWithCatalog().person(Fixtures.inService("P")).build();
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("200.00", "5000.00"));
		state.putYearTotals("P", 2013, new YearTotals(Money.ZERO, Money.parse("900.00"), 0));

		ClaimValuation valuation = this.valuer.settle(claim("P").line("A", "300.00").line("B10", "200.00").build(),
				registry, state);

		assertThat(valuation.status()).isEqualTo(ValuationOutcome.SETTLED);
		assertThat(valuation.policyVersionId()).isEqualTo("2013-05-01");
		assertThat(valuation.amounts()).isEqualTo(amounts("500.00", "0.00", "20.00", "0.00", "100.00", "72.00", "0.00",
				"108.00", "200.00", "192.00", "0.00", "0.00"));
		assertThat(valuation.codes()).isEmpty();
		assertThat(state.balances("P")).isEqualTo(balances("0.00", "4808.00"));
		assertThat(state.yearTotals("P", 2013))
			.isEqualTo(new YearTotals(Money.parse("108.00"), Money.parse("1000.00"), 0));
	}

	@Test
	void exampleB_secondAdmissionHalvesTheDeductibleAndTheCapCutsTheFund() {
		Registry registry = Fixtures.registryWithCatalog().person(Fixtures.retired("R")).build();
		HouseholdState state = new HouseholdState();
		state.putBalances("R", balances("0.00", "100.00"));
		state.putYearTotals("R", 2013, new YearTotals(Money.parse("149000.00"), Money.ZERO, 1));

		ClaimValuation valuation = this.valuer.settle(claim("R").type(VisitType.INP)
			.at(HospitalLevel.SECONDARY)
			.line("A", "10000.00")
			.line("C", "500.00")
			.build(), registry, state);

		assertThat(valuation.amounts()).isEqualTo(amounts("10500.00", "500.00", "0.00", "300.00", "0.00", "970.00",
				"7730.00", "1000.00", "0.00", "100.00", "0.00", "9400.00"));
		assertThat(valuation.codes()).containsExactly("W_OVER_CAP");
		assertThat(state.balances("R")).isEqualTo(balances("0.00", "0.00"));
		assertThat(state.yearTotals("R", 2013)).isEqualTo(new YearTotals(Money.parse("150000.00"), Money.ZERO, 2));
	}

	@Test
	void exampleC_uninsuredChildIsPaidByTheFatherWhoseBindingIsOlderThanTheMothers() {
		Registry registry = Fixtures.registryWithCatalog()
			.person(Fixtures.inService("M"))
			.person(Fixtures.inService("F"))
			.binding(new FamilyBinding("M", "K", Relation.CHILD, LocalDate.of(2013, 5, 2), null))
			.binding(new FamilyBinding("F", "K", Relation.CHILD, LocalDate.of(2013, 5, 1), null))
			.build();
		HouseholdState state = new HouseholdState();
		state.putBalances("M", balances("0.00", "50.00"));
		state.putBalances("F", balances("0.00", "1000.00"));

		ClaimValuation valuation = this.valuer.settle(claim("K").on("2013-06-10").line("B20", "100.00").build(),
				registry, state);

		assertThat(valuation.status()).isEqualTo(ValuationOutcome.SETTLED);
		assertThat(valuation.insuredPatient()).isFalse();
		assertThat(valuation.amounts()).isEqualTo(amounts("100.00", "0.00", "20.00", "0.00", "0.00", "80.00", "0.00",
				"0.00", "0.00", "0.00", "100.00", "0.00"));
		assertThat(valuation.familyPayments()).containsExactly(new FamilyPayment("F", Money.parse("100.00")),
				new FamilyPayment("M", Money.ZERO));
		assertThat(state.balances("F")).isEqualTo(balances("0.00", "900.00"));
		assertThat(state.balances("M")).isEqualTo(balances("0.00", "50.00"));
		assertThat(state.balances("K")).isEqualTo(Balances.ZERO);
		assertThat(state.touchedYearTotals()).isEmpty();
	}

	@Test
	void exampleC_variant_theSameChildOn20130430IsNotInsuredBecauseTheBaselineHasNoFamilyCoverage() {
		Registry registry = Fixtures.registryWithCatalog()
			.person(Fixtures.inService("M"))
			.person(Fixtures.inService("F"))
			.binding(new FamilyBinding("M", "K", Relation.CHILD, LocalDate.of(2013, 1, 1), null))
			.binding(new FamilyBinding("F", "K", Relation.CHILD, LocalDate.of(2013, 1, 1), null))
			.build();
		HouseholdState state = new HouseholdState();
		state.putBalances("F", balances("0.00", "1000.00"));

		ClaimValuation valuation = this.valuer.settle(claim("K").on("2013-04-30").line("B20", "100.00").build(),
				registry, state);

		assertThat(valuation.status()).isEqualTo(ValuationOutcome.REJECTED);
		assertThat(valuation.codes()).isEqualTo(List.of("E_NOT_INSURED"));
		assertThat(valuation.policyVersionId()).isEqualTo("2013-01-01");
		assertThat(valuation.amounts()).isEqualTo(Amounts.rejected(Money.parse("100.00")));
		assertThat(state.balances("F")).isEqualTo(balances("0.00", "1000.00"));
		assertThat(state.touchedPersons()).isEmpty();
	}

	@Test
	void exampleD_selfPayFirstRoundsHalfUpAndTheDeductibleTakesTheWholeEligibleAmount() {
		Registry registry = Fixtures.registryWithCatalog().person(Fixtures.inService("P")).build();
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("0.00", "1000.00"));

		ClaimValuation valuation = this.valuer.settle(
				claim("P").type(VisitType.INP).at(HospitalLevel.COMMUNITY).line("B15", "333.33").build(), registry,
				state);

		assertThat(valuation.amounts()).isEqualTo(amounts("333.33", "0.00", "50.00", "283.33", "0.00", "0.00", "0.00",
				"0.00", "0.00", "333.33", "0.00", "0.00"));
		assertThat(valuation.lines().get(0).selfPayFirst()).isEqualTo(Money.parse("50.00"));
		assertThat(state.yearTotals("P", 2013)).isEqualTo(new YearTotals(Money.ZERO, Money.ZERO, 1));
	}

	@Test
	void exampleD_withAnEmptyHistoricalAccountThePatientPaysThePayablePartInCash() {
		Registry registry = Fixtures.registryWithCatalog().person(Fixtures.inService("P")).build();

		ClaimValuation valuation = this.valuer.value(
				claim("P").type(VisitType.INP).at(HospitalLevel.COMMUNITY).line("B15", "333.33").build(), registry,
				new HouseholdState());

		assertThat(valuation.amounts().cash()).isEqualTo(Money.parse("333.33"));
		assertThat(valuation.amounts().balances()).isTrue();
	}

}
