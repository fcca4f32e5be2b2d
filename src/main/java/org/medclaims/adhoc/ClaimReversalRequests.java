package org.medclaims.adhoc;

import java.util.List;

import org.medclaims.accounts.Reversals;
import org.medclaims.claims.ClaimDetails;

import org.springframework.stereotype.Component;

/**
 * A clerk's reversal of a claim by its number, from the API or the desk: the reason
 * checked, the claim found.
 */
@Component
class ClaimReversalRequests {

	static final int MAX_REASON = 200;

	private final ClaimQueries queries;

	private final Reversals reversals;

	ClaimReversalRequests(ClaimQueries queries, Reversals reversals) {
		this.queries = queries;
		this.reversals = reversals;
	}

	/**
	 * Reverses the claim under that number (the one holding it, else the latest):
	 * {@link InvalidInput} for a reason that is missing or too long, {@link NotFound}
	 * when there is no such claim.
	 */
	Reversals.Outcome reverse(String hospitalCode, String claimNo, String reason) {
		String why = validReason(reason);
		ClaimDetails.Existing claim = this.queries.current(hospitalCode, claimNo);
		if (claim == null) {
			throw new NotFound("There is no claim " + claimNo + " of hospital " + hospitalCode + ".");
		}
		return this.reversals.reverse(claim.id(), why, AdhocAudit.currentUser());
	}

	private static String validReason(String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInput(InvalidInput.CODE, List.of(new FieldError("reason",
					"is required: say why the claim is reversed, in 1 to " + MAX_REASON + " characters")));
		}
		if (why.codePointCount(0, why.length()) > MAX_REASON) {
			throw new InvalidInput(InvalidInput.CODE,
					List.of(new FieldError("reason", "is longer than " + MAX_REASON + " characters")));
		}
		return why;
	}

}
