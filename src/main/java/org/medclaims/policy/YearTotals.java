package org.medclaims.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A person's accumulators for one calendar year: fund paid, self-pay segment used,
 * admissions settled.
 */
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
		return new YearTotals(this.fundPaid.plus(fund), this.segmentUsed.plus(segment),
				this.admissions + newAdmissions);
	}

	/**
	 * Empty when a total would go below zero: these totals never counted what is taken
	 * back.
	 */
	Optional<YearTotals> minus(Money fund, Money segment, int removedAdmissions) {
		Money fundLeft = this.fundPaid.minus(fund);
		Money segmentLeft = this.segmentUsed.minus(segment);
		int admissionsLeft = this.admissions - removedAdmissions;
		if (fundLeft.isNegative() || segmentLeft.isNegative() || admissionsLeft < 0) {
			return Optional.empty();
		}
		return Optional.of(new YearTotals(fundLeft, segmentLeft, admissionsLeft));
	}

}
