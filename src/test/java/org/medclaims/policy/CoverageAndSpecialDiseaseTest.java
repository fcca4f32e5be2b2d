package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.policy.Claims.claim;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Step 2 and the SPD branch: who is covered, the rejection codes in order, certifications
 * by date.
 */
class CoverageAndSpecialDiseaseTest {

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	private final Registry registry = Fixtures.registryWithCatalog()
		.person(Fixtures.inService("P"))
		.person(new Person("S", "suspended", Category.IN_SERVICE, PersonStatus.SUSPENDED))
		.person(Fixtures.inService("G"))
		.binding(new FamilyBinding("G", "K", Relation.SPOUSE, LocalDate.of(2013, 6, 10), LocalDate.of(2013, 6, 20)))
		.binding(new FamilyBinding("S", "J", Relation.CHILD, LocalDate.of(2013, 5, 1), null))
		.certification(new Certification("P", "SD01", LocalDate.of(2013, 6, 10), LocalDate.of(2013, 6, 20)))
		.build();

	private ClaimValuation value(Claims claims) {
		return this.valuer.value(claims.build(), this.registry, new HouseholdState());
	}

	@Test
	void aSuspendedPersonIsRejectedAndNothingIsValued() {
		ClaimValuation valuation = value(claim("S").line("A", "10.00"));
		assertThat(valuation.codes()).containsExactly("E_COVERAGE_SUSPENDED");
		assertThat(valuation.amounts()).isEqualTo(Amounts.rejected(Money.parse("10.00")));
		assertThat(valuation.lines()).isEmpty();
		assertThat(valuation.message()).endsWith("(E_COVERAGE_SUSPENDED).");
	}

	@Test
	void suspensionIsReportedBeforeAnUnknownSpecialDisease() {
		assertThat(value(claim("S").specialDisease("SD99").line("A", "10.00")).codes())
			.containsExactly("E_COVERAGE_SUSPENDED");
	}

	@Test
	void aStrangerIsNotInsuredBeforeAnUnknownSpecialDiseaseIsConsidered() {
		assertThat(value(claim("X").specialDisease("SD99").line("A", "10.00")).codes())
			.containsExactly("E_NOT_INSURED");
	}

	@Test
	void theRelativeOfASuspendedGrantorIsNotInsured() {
		assertThat(value(claim("J").line("A", "10.00")).codes()).containsExactly("E_NOT_INSURED");
	}

	@Test
	void aBindingCoversTheRelativeOnItsFirstAndLastDayOnly() {
		assertThat(value(claim("K").on("2013-06-09").line("A", "10.00")).codes()).containsExactly("E_NOT_INSURED");
		assertThat(value(claim("K").on("2013-06-10").line("A", "10.00")).status()).isEqualTo(ValuationOutcome.SETTLED);
		assertThat(value(claim("K").on("2013-06-20").line("A", "10.00")).status()).isEqualTo(ValuationOutcome.SETTLED);
		assertThat(value(claim("K").on("2013-06-21").line("A", "10.00")).codes()).containsExactly("E_NOT_INSURED");
	}

	@Test
	void aRelationOutsideTheVersionsFamilyCoverageDoesNotCover() {
		PolicyVersion a = ShippedPolicies.adjustment();
		PolicyVersion childrenOnly = new PolicyVersion(a.id(), a.effectiveFrom(), a.outpatientSelfPaySegment(),
				a.outpatientFundRatio(), a.inpatientDeductible(), a.inpatientSubsequentAdmissionFactor(),
				a.inpatientFundRatio(), a.specialDiseaseFundRatio(), a.annualFundCap(), true, true,
				java.util.Set.of(Relation.CHILD), a.adhocUnregisteredFirstSelfPay());
		ClaimValuation valuation = new ClaimValuer(new PolicyBook(java.util.List.of(childrenOnly)))
			.value(claim("K").line("A", "10.00").build(), this.registry, new HouseholdState());
		assertThat(valuation.codes()).containsExactly("E_NOT_INSURED");
	}

	@Test
	void aServiceDateBeforeEveryPolicyVersionIsRejectedWithEDates() {
		ClaimValuation valuation = value(claim("P").on("2012-12-31").line("A", "10.00"));
		assertThat(valuation.codes()).containsExactly("E_DATES");
		assertThat(valuation.policyVersionId()).isNull();
		assertThat(valuation.message()).isEqualTo(
				"No policy version is in force on 2012-12-31: the earliest takes effect on 2013-01-01 (E_DATES).");
	}

	@Test
	void anUnknownSpecialDiseaseCodeIsRejected() {
		assertThat(value(claim("P").specialDisease("SD99").line("A", "10.00")).codes())
			.containsExactly("E_SPECIAL_DISEASE");
		assertThat(value(claim("P").specialDisease(" ").line("A", "10.00")).codes())
			.containsExactly("E_SPECIAL_DISEASE");
		assertThat(value(claim("P").specialDisease(null).line("A", "10.00")).codes())
			.containsExactly("E_SPECIAL_DISEASE");
	}

	@Test
	void aCertifiedSpecialDiseaseHasNoSegmentAndTheSpecialRatio() {
		ClaimValuation valuation = value(claim("P").specialDisease("SD01").line("A", "1000.00"));
		assertThat(valuation.valuedAs()).isEqualTo(VisitType.SPD);
		assertThat(valuation.amounts()).isEqualTo(Fixtures.amounts("1000.00", "0.00", "0.00", "0.00", "0.00", "100.00",
				"0.00", "900.00", "0.00", "0.00", "0.00", "100.00"));
		assertThat(valuation.codes()).isEmpty();
	}

	@Test
	void theCertificationIsValidOnItsFirstAndLastDayOnly() {
		assertThat(value(claim("P").on("2013-06-09").specialDisease("SD01").line("A", "1000.00")).codes())
			.containsExactly("W_NOT_CERTIFIED");
		assertThat(value(claim("P").on("2013-06-10").specialDisease("SD01").line("A", "1000.00")).valuedAs())
			.isEqualTo(VisitType.SPD);
		assertThat(value(claim("P").on("2013-06-20").specialDisease("SD01").line("A", "1000.00")).valuedAs())
			.isEqualTo(VisitType.SPD);
		assertThat(value(claim("P").on("2013-06-21").specialDisease("SD01").line("A", "1000.00")).codes())
			.containsExactly("W_NOT_CERTIFIED");
	}

	@Test
	void aKnownButUncertifiedSpecialDiseaseIsValuedAsOutpatientWithAWarning() {
		ClaimValuation valuation = value(claim("P").specialDisease("SD02").line("A", "1500.00"));
		assertThat(valuation.valuedAs()).isEqualTo(VisitType.OUT);
		assertThat(valuation.codes()).containsExactly("W_NOT_CERTIFIED");
		assertThat(valuation.amounts()).isEqualTo(Fixtures.amounts("1500.00", "0.00", "0.00", "0.00", "1000.00",
				"200.00", "0.00", "300.00", "0.00", "0.00", "0.00", "1200.00"));
	}

	@Test
	void theSpecialDiseaseRatioRisesOn20130501() {
		Registry certifiedAllYear = Fixtures.registryWithCatalog()
			.person(Fixtures.inService("P"))
			.certification(new Certification("P", "SD01", LocalDate.of(2013, 1, 1), null))
			.build();
		ClaimValuation april = this.valuer.value(
				claim("P").on("2013-04-30").specialDisease("SD01").line("A", "1000.00").build(), certifiedAllYear,
				new HouseholdState());
		ClaimValuation may = this.valuer.value(
				claim("P").on("2013-05-01").specialDisease("SD01").line("A", "1000.00").build(), certifiedAllYear,
				new HouseholdState());
		assertThat(april.amounts().fund()).isEqualTo(Money.parse("850.00"));
		assertThat(april.policyVersionId()).isEqualTo("2013-01-01");
		assertThat(may.amounts().fund()).isEqualTo(Money.parse("900.00"));
		assertThat(may.policyVersionId()).isEqualTo("2013-05-01");
	}

}
