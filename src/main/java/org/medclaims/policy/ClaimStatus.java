package org.medclaims.policy;

/** Outcome of valuing a claim. */
public enum ClaimStatus {

	SETTLED, REJECTED

}
