package org.medclaims.policy;

/**
 * Outcome of valuing a claim; the claim's own status through its life is the claims
 * package's ClaimStatus.
 */
public enum ValuationOutcome {

	SETTLED, REJECTED

}
