package org.medclaims.intake;

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
record Arrival(long id, long batchId, String fileName, String hospitalCode, LocalDate fileDate, String seq,
		String sha256, long size, String source, String sourcePath, Path localPath, Status status, String rejectCode,
		String charset, Path storedPath, OffsetDateTime receivedAt, OffsetDateTime decidedAt) {

	/** What became of an arrival. */
	enum Status {

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

	boolean decided() {
		return this.status == Status.ACCEPTED || this.status == Status.REJECTED;
	}

	/**
	 * The files of one hospital are taken in one after another, in arrival order, so that
	 * claim numbers, F_DUPLICATE and F_SEQUENCE are decided as by one sequential intake;
	 * a file whose name gives no hospital is rejected whatever came before it and goes
	 * alone.
	 */
	String chain() {
		return (this.hospitalCode != null) ? this.hospitalCode : "arrival " + this.id;
	}

}
