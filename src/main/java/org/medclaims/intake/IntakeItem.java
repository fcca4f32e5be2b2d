package org.medclaims.intake;

import org.medclaims.intake.format.FileValidation;
import org.medclaims.intake.format.ParsedClaim;

/**
 * What flows through a file's intake partition: its claims one by one, then, as its last
 * item, the file's verdict, so that the decision commits in the transaction of the file's
 * last claims.
 */
sealed interface IntakeItem permits IntakeItem.ClaimRead, StagedClaim, IntakeItem.FileVerdict {

	/** A claim as read from the file, not checked yet. */
	record ClaimRead(ParsedClaim claim) implements IntakeItem {
	}

	/**
	 * The file's verdict, read after its last claim.
	 *
	 * @param validation the file-level checks and the database's (F_DUPLICATE,
	 * F_SEQUENCE); null when the arrival was decided before a restart and only its moves
	 * remain
	 */
	record FileVerdict(FileValidation validation) implements IntakeItem {

		static FileVerdict alreadyDecided() {
			return new FileVerdict(null);
		}

	}

}
