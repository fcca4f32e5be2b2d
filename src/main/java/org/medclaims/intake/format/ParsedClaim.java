package org.medclaims.intake.format;

import java.time.LocalDate;
import java.util.List;

import org.medclaims.policy.Money;

/**
 * A {@code C} record and its {@code L} records, raw text as in the file.
 *
 * @param position 0-based index of the claim in the file
 * @param lineNo the file line of the {@code C} record
 */
public record ParsedClaim(long position, long lineNo, String claimNo, String patientId, String patientName,
		String visitType, String startDate, String endDate, String diagnosisCode, String specialDiseaseCode,
		String totalAmount, String lineCount, List<ParsedLine> lines) {

	public ParsedClaim {
		lines = List.copyOf(lines);
	}

	/**
	 * The declared total when it is an amount, else zero: what a response echoes for a
	 * rejected claim.
	 */
	public Money declaredTotalOrZero() {
		Money total = Formats.amount(this.totalAmount);
		return (total != null) ? total : Money.ZERO;
	}

	/**
	 * The start date when it is a real date, else null: what is stored of a rejected
	 * claim.
	 */
	public LocalDate startDateOrNull() {
		return Formats.date(this.startDate);
	}

	/** The end date when it is a real date, else null. */
	public LocalDate endDateOrNull() {
		return Formats.date(this.endDate);
	}

}
