package org.medclaims.adhoc;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.medclaims.accounts.Reversal;

/**
 * One claim, from a file or entered by a clerk, with its lines, its settlement (null
 * while it waits or when the intake rejected it), for ad-hoc claims the audit trail of
 * its number, and its reversal (null unless REVERSED).
 *
 * @param fileName null for an ad-hoc claim
 * @param rejectCode the claim-level code when the intake rejected it before settlement
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ClaimView(String hospitalCode, String hospitalName, String claimNo, String source, String fileName,
		String patientId, String patientName, String visitType, String startDate, String endDate, String diagnosisCode,
		String specialDiseaseCode, String reason, Boolean registered, String enteredBy, String total, String status,
		String rejectCode, String rejectMessage, List<Line> lines, ClaimResult settlement, String settledAt,
		List<AdhocAudit.Entry> audit, Reversal reversal) {

	/** A line as the hospital or clerk gave it. */
	record Line(int lineNo, String itemCode, String itemName, String unitPrice, String quantity, String amount) {
	}

}
