package org.medclaims.adhoc;

import java.util.List;

/**
 * An ad-hoc claim as a clerk typed it, every value still text, whether it came as JSON or
 * from the web form; {@link AdhocClaimValidator} turns it into a {@link ValidAdhocClaim}
 * or names every bad field.
 */
record AdhocClaimInput(String claimNo, String hospitalCode, String hospitalName, String hospitalLevel,
		String hospitalRegion, String patientId, String patientName, String visitType, String startDate, String endDate,
		String diagnosisCode, String specialDiseaseCode, String reason, Boolean registered, List<Line> lines) {

	record Line(String itemCode, String itemName, String unitPrice, String quantity, String amount) {
	}

}
