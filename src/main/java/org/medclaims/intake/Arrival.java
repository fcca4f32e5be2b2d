package org.medclaims.intake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of {@code claim_file}: a file as it arrived, and what became of it.
 *
 * @param localPath where the intake reads it while RECEIVED
 * @param storedPath where it lies once decided (archive or rejected area), else null
 */
record Arrival(long id, String fileName, String hospitalCode, LocalDate fileDate, String seq, String sha256,
		long size, String source, String sourcePath, Path localPath, String status, String rejectCode,
		String charset, Path storedPath, OffsetDateTime receivedAt, OffsetDateTime decidedAt) {

	static final String RECEIVED = "RECEIVED";

	static final String ACCEPTED = "ACCEPTED";

	static final String REJECTED = "REJECTED";

}
