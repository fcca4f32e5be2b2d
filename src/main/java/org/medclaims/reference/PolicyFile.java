package org.medclaims.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The shape of one {@code config/policy/*.yaml} file, bound by Boot's configuration
 * binder. Every component is required; {@link PolicyFiles} names the first one missing.
 */
record PolicyFile(LocalDate effectiveFrom, Outpatient outpatient, Inpatient inpatient, SpecialDisease specialDisease,
		BigDecimal annualFundCap, HistoricalAccount historicalAccount, FamilyCoverage familyCoverage, Adhoc adhoc) {

	/** A value per hospital level. */
	record ByLevel(BigDecimal community, BigDecimal secondary, BigDecimal tertiary) {
	}

	/** A value per category: 在职 (in service) and 退休 (retired). */
	record ByCategory(BigDecimal inService, BigDecimal retired) {
	}

	/** Fund ratios per category, then per hospital level. */
	record ByCategoryAndLevel(ByLevel inService, ByLevel retired) {
	}

	record Outpatient(ByCategory selfPaySegment, ByCategoryAndLevel fundRatio) {
	}

	record Inpatient(ByLevel deductible, BigDecimal subsequentAdmissionFactor, ByCategoryAndLevel fundRatio) {
	}

	record SpecialDisease(ByCategoryAndLevel fundRatio) {
	}

	record HistoricalAccount(Boolean paysSelfPayFirst) {
	}

	record FamilyCoverage(Boolean enabled, List<String> relations) {
	}

	record Adhoc(BigDecimal unregisteredFirstSelfPay) {
	}

}
