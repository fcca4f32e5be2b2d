package org.medclaims.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The result of valuing one claim: its status, every amount, warnings, the per-line and
 * per-grantor detail, and the facts the amounts came from. The sentences a clerk reads
 * are rendered from these by {@link Explanation} when asked, not while settling.
 *
 * @param rejectionCode null when settled
 * @param message one sentence for the response file and the clerk; never contains '|'
 * @param policyVersionId null when no version was in force
 * @param valuedAs the visit type the rules applied: OUT for an SPD claim without
 * certification
 * @param insuredPatient true for an insured patient, false for an uninsured relative or a
 * rejection
 * @param warnings each once, in {@link Warning} order
 * @param lines empty for a rejected claim
 * @param familyPayments one per eligible grantor in paying order, zero payments included
 * @param basis what the settled claim was valued from beyond amounts and lines; null when
 * rejected
 */
public record ClaimValuation(String claimNo, String patientId, ValuationOutcome status, String rejectionCode,
		String message, String policyVersionId, LocalDate serviceDate, VisitType valuedAs, boolean insuredPatient,
		Amounts amounts, List<String> warnings, List<LineValuation> lines, List<FamilyPayment> familyPayments,
		ValuationBasis basis) {

	public ClaimValuation {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(amounts, "amounts");
		message = message == null ? "" : message.replace('|', '/').replace('\n', ' ').replace('\r', ' ');
		warnings = List.copyOf(warnings);
		lines = List.copyOf(lines);
		familyPayments = List.copyOf(familyPayments);
		if ((basis != null) != (status == ValuationOutcome.SETTLED)
				|| (basis != null && basis.insuredPatient() != insuredPatient)) {
			throw new IllegalArgumentException(
					"A settled claim has a basis that says whether the patient is insured," + " a rejected one none.");
		}
	}

	/** The codes field of a response: the rejection code, or the warnings. */
	public List<String> codes() {
		return this.rejectionCode != null ? List.of(this.rejectionCode) : this.warnings;
	}

	public boolean settled() {
		return this.status == ValuationOutcome.SETTLED;
	}

	/** The calendar year whose accumulators the claim uses. */
	public int year() {
		return this.serviceDate.getYear();
	}

}
