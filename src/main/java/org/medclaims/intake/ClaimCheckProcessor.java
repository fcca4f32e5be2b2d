package org.medclaims.intake;

import java.time.LocalDate;

import org.medclaims.intake.format.ClaimChecks;
import org.medclaims.intake.format.ClaimProblem;
import org.medclaims.intake.format.ClaimVerdict;
import org.medclaims.intake.format.ValidClaim;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The claim-level checks that need only the claim: E_FORMAT to E_CLAIM_TOTAL, first in
 * table order. The file's verdict passes through.
 */
class ClaimCheckProcessor implements ItemProcessor<IntakeItem, IntakeItem> {

	private final LocalDate fileDate;

	private final LocalDate earliestPolicyDate;

	ClaimCheckProcessor(LocalDate fileDate, LocalDate earliestPolicyDate) {
		this.fileDate = fileDate;
		this.earliestPolicyDate = earliestPolicyDate;
	}

	@Override
	public IntakeItem process(IntakeItem item) {
		if (!(item instanceof IntakeItem.ClaimRead read)) {
			return item;
		}
		ClaimVerdict verdict = ClaimChecks.check(read.claim(), this.fileDate, this.earliestPolicyDate);
		if (verdict instanceof ValidClaim valid) {
			return StagedClaim.valid(read.claim(), valid);
		}
		return StagedClaim.rejected(read.claim(), (ClaimProblem) verdict);
	}

}
