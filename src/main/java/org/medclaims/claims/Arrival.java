package org.medclaims.claims;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of {@code claim_file}: a file as it arrived, and what became of it.
 *
 * @param batchId the intake batch (one claimIntakeJob instance) that takes it in
 * @param localPath where the intake reads it while RECEIVED
 * @param storedPath where it lies once decided (archive or rejected area), else null
 */
public record Arrival(long id, long batchId, String fileName, String hospitalCode, LocalDate fileDate, String seq,
		String sha256, long size, String source, String sourcePath, Path localPath, Status status, String rejectCode,
		String charset, Path storedPath, OffsetDateTime receivedAt, OffsetDateTime decidedAt) {

	/** What became of an arrival. */
	public enum Status {

		/** Waiting for its intake, or in it. */
		RECEIVED,

		/** Its claims are staged and wait for settlement. */
		ACCEPTED,

		/** Rejected as a whole (F_ codes); nothing of it is staged. */
		REJECTED,

		/**
		 * An operator gave its intake up: nothing of it is staged, the file stays where
		 * it was.
		 */
		ABANDONED

	}

	public boolean decided() {
		return this.status == Status.ACCEPTED || this.status == Status.REJECTED;
	}

}
