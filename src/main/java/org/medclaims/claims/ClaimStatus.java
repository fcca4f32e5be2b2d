package org.medclaims.claims;

/**
 * A claim's status as the API and the pages show it (interfaces.md): RECEIVED waits for
 * settlement; SETTLED and REJECTED are final; REVERSED was settled and its money put back
 * (冲正), its settlement kept for the record.
 */
public enum ClaimStatus {

	RECEIVED, SETTLED, REJECTED, REVERSED

}
