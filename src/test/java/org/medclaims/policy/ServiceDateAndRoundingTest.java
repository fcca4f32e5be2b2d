package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.policy.Claims.claim;
import static org.medclaims.policy.Fixtures.balances;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A stay that spans a change is valued on its service date, the end date (policy.md:
 * version, catalog, certifications, bindings and the year all follow it); the ad-hoc
 * first self-pay applies to relatives too; a subsequent admission's deductible is rounded
 * half-up once.
 */
class ServiceDateAndRoundingTest {

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	private final Registry registry = Fixtures.registryWithCatalog()
		.person(Fixtures.inService("P"))
		.person(Fixtures.inService("G"))
		.certification(new Certification("P", "SD01", LocalDate.of(2013, 5, 1), null))
		.binding(new FamilyBinding("G", "K", Relation.CHILD, LocalDate.of(2013, 5, 1), null))
		.build();

	@Test
	void aStayAcrossTheNewVersionIsValuedUnderTheVersionAndCertificationOfItsEndDate() {
		ClaimValuation valuation = this.valuer.value(
				claim("P").from("2013-04-25").on("2013-05-02").specialDisease("SD01").line("A", "1000.00").build(),
				this.registry, new HouseholdState());

		assertThat(valuation.policyVersionId()).isEqualTo("2013-05-01");
		assertThat(valuation.valuedAs()).isEqualTo(VisitType.SPD);
		assertThat(valuation.codes()).isEmpty();
		// the adjustment's ratio 0.90 for IN_SERVICE at TERTIARY; the baseline's would
		// give 850.00
		assertThat(valuation.amounts().fund()).isEqualTo(Money.parse("900.00"));
	}

	@Test
	void anAdmissionAcrossNewYearCountsInTheYearOfItsEndDate() {
		HouseholdState state = new HouseholdState();
		state.putYearTotals("P", 2013, new YearTotals(Money.ZERO, Money.ZERO, 1));

		ClaimValuation valuation = this.valuer.settle(
				claim("P").type(VisitType.INP).from("2013-12-28").on("2014-01-03").line("A", "10000.00").build(),
				this.registry, state);

		// the first admission of 2014: the whole deductible, not half of it
		assertThat(valuation.amounts().deductible()).isEqualTo(Money.parse("1000.00"));
		assertThat(state.yearTotals("P", 2014).admissions()).isEqualTo(1);
		assertThat(state.yearTotals("P", 2013).admissions()).isEqualTo(1);
	}

	@Test
	void aRelativeIsCoveredByABindingInForceOnTheEndDateOfTheStay() {
		HouseholdState state = new HouseholdState();
		state.putBalances("G", balances("0.00", "1000.00"));

		ClaimValuation valuation = this.valuer
			.settle(claim("K").from("2013-04-28").on("2013-05-02").line("A", "100.00").build(), this.registry, state);

		assertThat(valuation.status()).isEqualTo(ValuationOutcome.SETTLED);
		assertThat(valuation.amounts().familyAccount()).isEqualTo(Money.parse("100.00"));
		assertThat(state.balances("G")).isEqualTo(balances("0.00", "900.00"));
	}

	@Test
	void anUnregisteredAdhocStayOfARelativeBearsTheFirstSelfPayToo() {
		HouseholdState state = new HouseholdState();
		state.putBalances("G", balances("0.00", "1000.00"));

		ClaimValuation valuation = this.valuer.settle(claim("K").outOfArea().adhoc(false).line("A", "100.00").build(),
				this.registry, state);

		assertThat(valuation.amounts().selfPayFirst()).isEqualTo(Money.parse("10.00"));
		assertThat(valuation.amounts().coinsurance()).isEqualTo(Money.parse("90.00"));
		assertThat(valuation.amounts().familyAccount()).isEqualTo(Money.parse("100.00"));
		assertThat(valuation.amounts().cash()).isEqualTo(Money.ZERO);
	}

	@Test
	void theFirstSelfPayIsTakenFromWhatIsLeftAfterTheClassBShare() {
		// B1 = 10.00 of the class-B line; fs = round(E × 0.10) on E = 90.00, not on
		// 100.00
		ClaimValuation valuation = this.valuer.value(claim("P").outOfArea().adhoc(false).line("B10", "100.00").build(),
				this.registry, new HouseholdState());

		assertThat(valuation.amounts().selfPayFirst()).isEqualTo(Money.parse("19.00"));
		assertThat(valuation.amounts().total()).isEqualTo(Money.parse("100.00"));
	}

	@Test
	void aSubsequentAdmissionsDeductibleIsRoundedHalfUpOnce() {
		PolicyVersion a = ShippedPolicies.adjustment();
		Map<HospitalLevel, Money> deductibles = new EnumMap<>(a.inpatientDeductible());
		deductibles.put(HospitalLevel.COMMUNITY, Money.parse("333.33"));
		PolicyVersion odd = new PolicyVersion("2014-01-01", LocalDate.of(2014, 1, 1), a.outpatientSelfPaySegment(),
				a.outpatientFundRatio(), deductibles, a.inpatientSubsequentAdmissionFactor(), a.inpatientFundRatio(),
				a.specialDiseaseFundRatio(), a.annualFundCap(), a.historicalAccountPaysSelfPayFirst(),
				a.familyCoverageEnabled(), a.familyCoverageRelations(), a.adhocUnregisteredFirstSelfPay());
		HouseholdState state = new HouseholdState();
		state.putYearTotals("P", 2014, new YearTotals(Money.ZERO, Money.ZERO, 1));

		ClaimValuation valuation = new ClaimValuer(new PolicyBook(List.of(ShippedPolicies.baseline(), a, odd)))
			.settle(claim("P").at(HospitalLevel.COMMUNITY)
				.type(VisitType.INP)
				.on("2014-02-01")
				.line("A", "5000.00")
				.build(), this.registry, state);

		// 333.33 × 0.5 = 166.665: half-up gives 166.67 (truncation would give 166.66)
		assertThat(valuation.amounts().deductible()).isEqualTo(Money.parse("166.67"));
	}

}
