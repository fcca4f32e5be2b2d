package org.medclaims.intake.format;

import java.time.LocalDate;
import java.util.List;

import org.medclaims.policy.Money;

/**
 * A claim whose records passed the format checks (E_FORMAT to E_CLAIM_TOTAL).
 *
 * @param position 0-based index of the claim in the file
 * @param lineNo the file line of its {@code C} record
 * @param visitType {@code OUT}, {@code INP} or {@code SPD}
 * @param specialDiseaseCode null unless SPD; null too for SPD without a code
 * (E_SPECIAL_DISEASE is the caller's)
 */
public record ValidClaim(long position, long lineNo, String claimNo, String patientId, String patientName,
		String visitType, LocalDate startDate, LocalDate endDate, String diagnosisCode, String specialDiseaseCode,
		Money total, List<ValidLine> lines) implements ClaimVerdict {

	public ValidClaim {
		lines = List.copyOf(lines);
	}

}
