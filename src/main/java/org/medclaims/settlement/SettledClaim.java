package org.medclaims.settlement;

import org.medclaims.policy.ClaimValuation;

/** A claim row and what the policy engine decided for it. */
public record SettledClaim(long claimId, ClaimValuation valuation) {
}
