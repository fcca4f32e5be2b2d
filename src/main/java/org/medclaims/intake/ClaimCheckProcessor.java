package org.medclaims.intake;

import java.time.LocalDate;

import org.medclaims.intake.format.ClaimChecks;
import org.medclaims.intake.format.ClaimProblem;
import org.medclaims.intake.format.ClaimVerdict;
import org.medclaims.intake.format.ParsedClaim;
import org.medclaims.intake.format.ValidClaim;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** The claim-level checks that need only the claim: E_FORMAT to E_CLAIM_TOTAL, first in table order. */
class ClaimCheckProcessor implements ItemProcessor<ParsedClaim, StagedClaim> {

	private final LocalDate fileDate;

	private final LocalDate earliestPolicyDate;

	ClaimCheckProcessor(LocalDate fileDate, LocalDate earliestPolicyDate) {
		this.fileDate = fileDate;
		this.earliestPolicyDate = earliestPolicyDate;
	}

	@Override
	public StagedClaim process(ParsedClaim claim) {
		ClaimVerdict verdict = ClaimChecks.check(claim, this.fileDate, this.earliestPolicyDate);
		if (verdict instanceof ValidClaim valid) {
			return StagedClaim.valid(claim, valid);
		}
		return StagedClaim.rejected(claim, (ClaimProblem) verdict);
	}

}
