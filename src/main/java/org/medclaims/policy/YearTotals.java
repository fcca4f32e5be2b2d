package org.medclaims.policy;

import java.util.Objects;

/** A person's accumulators for one calendar year: fund paid, self-pay segment used, admissions settled. */
public record YearTotals(Money fundPaid, Money segmentUsed, int admissions) {

	public static final YearTotals ZERO = new YearTotals(Money.ZERO, Money.ZERO, 0);

	public YearTotals {
		Objects.requireNonNull(fundPaid, "fundPaid");
		Objects.requireNonNull(segmentUsed, "segmentUsed");
		if (admissions < 0) {
			throw new IllegalArgumentException("Admissions cannot be negative.");
		}
	}

	YearTotals plus(Money fund, Money segment, int newAdmissions) {
		return new YearTotals(this.fundPaid.plus(fund), this.segmentUsed.plus(segment), this.admissions + newAdmissions);
	}

}
