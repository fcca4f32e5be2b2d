package org.medclaims.intake;

import org.medclaims.intake.format.ClaimProblem;
import org.medclaims.intake.format.ParsedClaim;
import org.medclaims.intake.format.ValidClaim;

/**
 * A claim on its way to the {@code claim} table: typed when its records passed the
 * checks, else its first problem. The writer may still reject a valid one
 * (E_DUPLICATE_CLAIM).
 */
record StagedClaim(ParsedClaim raw, ValidClaim valid, ClaimProblem problem) implements IntakeItem {

	static StagedClaim valid(ParsedClaim raw, ValidClaim valid) {
		return new StagedClaim(raw, valid, null);
	}

	static StagedClaim rejected(ParsedClaim raw, ClaimProblem problem) {
		return new StagedClaim(raw, null, problem);
	}

}
