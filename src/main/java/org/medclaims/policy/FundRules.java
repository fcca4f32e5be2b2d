package org.medclaims.policy;

/**
 * Step 4: the fund's share of the eligible amount, by the visit type the claim is valued
 * as.
 */
final class FundRules {

	private FundRules() {
	}

	/**
	 * The fund's part and the personal parts before it; {@code ratio} is the one of the
	 * visit type valued as.
	 */
	record FundShare(VisitType valuedAs, Money current, Money segment, Money deductible, Money base, Ratio ratio,
			Money share, Money coinsurance, Money fund, Money overCap, Money capLeft) {
	}

	/**
	 * OUT, and SPD without a valid certification: current-year account first, then the
	 * self-pay segment.
	 */
	static FundShare outpatient(PolicyVersion version, Person patient, HospitalLevel level, Money eligible,
			Balances balances, YearTotals year) {
		Money current = balances.currentAccount().max(Money.ZERO).min(eligible);
		Money afterAccount = eligible.minus(current);
		Money segmentLeft = version.selfPaySegment(patient.category()).minus(year.segmentUsed()).max(Money.ZERO);
		Money segment = afterAccount.min(segmentLeft);
		Ratio ratio = version.outpatientRatio(patient.category(), level);
		return capped(VisitType.OUT, current, segment, Money.ZERO, afterAccount.minus(segment), ratio, version, year);
	}

	/**
	 * INP: a deductible per admission, reduced for the second and later admissions of the
	 * year.
	 */
	static FundShare inpatient(PolicyVersion version, Person patient, HospitalLevel level, Money eligible,
			YearTotals year) {
		Money full = version.deductible(level);
		boolean subsequent = year.admissions() >= 1;
		Money due = subsequent ? full.times(version.inpatientSubsequentAdmissionFactor()) : full;
		Money deductible = due.min(eligible);
		Ratio ratio = version.inpatientRatio(patient.category(), level);
		return capped(VisitType.INP, Money.ZERO, Money.ZERO, deductible, eligible.minus(deductible), ratio, version,
				year);
	}

	/**
	 * Certified SPD: special ratios on the whole eligible amount, no deductible, no
	 * segment.
	 */
	static FundShare specialDisease(PolicyVersion version, Person patient, HospitalLevel level, Money eligible,
			YearTotals year) {
		Ratio ratio = version.specialDiseaseRatio(patient.category(), level);
		return capped(VisitType.SPD, Money.ZERO, Money.ZERO, Money.ZERO, eligible, ratio, version, year);
	}

	/** 统筹基金 pays its share up to what the annual cap (封顶线) leaves this year. */
	private static FundShare capped(VisitType valuedAs, Money current, Money segment, Money deductible, Money base,
			Ratio ratio, PolicyVersion version, YearTotals year) {
		Money share = base.times(ratio);
		Money capLeft = version.annualFundCap().minus(year.fundPaid()).max(Money.ZERO);
		Money fund = share.min(capLeft);
		return new FundShare(valuedAs, current, segment, deductible, base, ratio, share, base.minus(share), fund,
				share.minus(fund), capLeft);
	}

}
