package org.medclaims.settlement;

import org.medclaims.policy.ClaimToValue;

/** A claim row waiting for settlement, ready for the policy engine. */
record WaitingClaim(long claimId, ClaimToValue claim) {
}
