package org.medclaims.claims;

/**
 * One line of the reversal report ({@code GET /api/reversals}): the claim, the money that
 * went back (yuan, two decimals) and the reversal's who, when and why.
 */
public record ReversalRow(String hospitalCode, String claimNo, String patientId, String visitType, String serviceDate,
		String total, String fund, String currentAccount, String historicalAccount, String familyAccount, String cash,
		String reason, String reversedBy, String reversedAt) {
}
