package org.medclaims.intake.format;

/**
 * What {@link ClaimChecks} says of one claim: a {@link ValidClaim} or its first
 * {@link ClaimProblem}.
 */
public sealed interface ClaimVerdict permits ValidClaim, ClaimProblem {

}
