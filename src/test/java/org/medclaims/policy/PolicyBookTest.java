package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PolicyBookTest {

	private final PolicyBook book = ShippedPolicies.book();

	@Test
	void theBaselineIsInForceUntil20130430AndTheAdjustmentFrom20130501() {
		assertThat(this.book.versionOn(LocalDate.of(2013, 1, 1))).map(PolicyVersion::id).hasValue("2013-01-01");
		assertThat(this.book.versionOn(LocalDate.of(2013, 4, 30))).map(PolicyVersion::id).hasValue("2013-01-01");
		assertThat(this.book.versionOn(LocalDate.of(2013, 5, 1))).map(PolicyVersion::id).hasValue("2013-05-01");
		assertThat(this.book.versionOn(LocalDate.of(2030, 1, 1))).map(PolicyVersion::id).hasValue("2013-05-01");
	}

	@Test
	void noVersionIsInForceBeforeTheEarliest() {
		assertThat(this.book.versionOn(LocalDate.of(2012, 12, 31))).isEmpty();
		assertThat(this.book.earliestEffectiveDate()).isEqualTo(LocalDate.of(2013, 1, 1));
	}

	@Test
	void ordersVersionsByEffectiveDateWhateverOrderTheyCameIn() {
		PolicyBook reversed = new PolicyBook(List.of(ShippedPolicies.adjustment(), ShippedPolicies.baseline()));
		assertThat(reversed.versions()).extracting(PolicyVersion::id).containsExactly("2013-01-01", "2013-05-01");
	}

	@Test
	void rejectsTwoVersionsOnOneDate() {
		PolicyVersion a = ShippedPolicies.adjustment();
		PolicyVersion twin = new PolicyVersion("other", a.effectiveFrom(), a.outpatientSelfPaySegment(),
				a.outpatientFundRatio(), a.inpatientDeductible(), a.inpatientSubsequentAdmissionFactor(),
				a.inpatientFundRatio(), a.specialDiseaseFundRatio(), a.annualFundCap(),
				a.historicalAccountPaysSelfPayFirst(), a.familyCoverageEnabled(), a.familyCoverageRelations(),
				a.adhocUnregisteredFirstSelfPay());
		assertThatIllegalArgumentException().isThrownBy(() -> new PolicyBook(List.of(a, twin)))
			.withMessageContaining("2013-05-01");
	}

	@Test
	void rejectsAVersionWithAnIncompleteTable() {
		PolicyVersion a = ShippedPolicies.adjustment();
		assertThatIllegalArgumentException().isThrownBy(() -> new PolicyVersion("broken", a.effectiveFrom(),
				Map.of(Category.IN_SERVICE, Money.parse("1000.00")), a.outpatientFundRatio(), a.inpatientDeductible(),
				a.inpatientSubsequentAdmissionFactor(), a.inpatientFundRatio(), a.specialDiseaseFundRatio(),
				a.annualFundCap(), true, true, a.familyCoverageRelations(), a.adhocUnregisteredFirstSelfPay()))
			.withMessage("Policy version broken has no outpatient.selfPaySegment for RETIRED.");
	}

}
