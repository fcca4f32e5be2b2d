package org.medclaims.claims;

import java.time.Instant;
import java.time.LocalDate;

import org.medclaims.policy.Money;

/**
 * One claim as a search lists it: where it came from, whose it is, what it asked and,
 * once settled, who paid. The payer amounts are null while it waits or when the intake
 * rejected it.
 *
 * @param fileId null for an ad-hoc claim
 */
public record ClaimRow(String hospitalCode, String hospitalName, String claimNo, boolean adhoc, Long fileId,
		String fileName, String patientId, String patientName, String visitType, LocalDate startDate, LocalDate endDate,
		Money total, String status, String rejectCode, Money fund, Money currentAccount, Money historicalAccount,
		Money familyAccount, Money cash, Instant settledAt) {

	public String source() {
		return this.adhoc ? "ADHOC" : "FILE";
	}

}
