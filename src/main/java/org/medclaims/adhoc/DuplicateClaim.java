package org.medclaims.adhoc;

/**
 * The claim number is taken by a claim of that hospital code that was neither rejected
 * nor reversed, with other content.
 */
class DuplicateClaim extends RuntimeException {

	DuplicateClaim(String hospitalCode, String claimNo) {
		super("Claim " + claimNo + " of hospital " + hospitalCode
				+ " exists already with other content and was neither rejected nor reversed; use another claim number (E_DUPLICATE_CLAIM).");
	}

}
