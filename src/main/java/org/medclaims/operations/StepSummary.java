package org.medclaims.operations;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One step execution with its counts; {@code total} is what the step expects, when it
 * said (ProgressLogger); {@code worker} is the process ({@code pid@host}) that runs or
 * ran a partition.
 */
public record StepSummary(long id, String stepName, String status, String exitCode, String exitDescription,
		LocalDateTime startTime, LocalDateTime endTime, long readCount, long writeCount, long filterCount,
		long readSkipCount, long processSkipCount, long writeSkipCount, long commitCount, long rollbackCount,
		Long total, String worker) {

	/**
	 * What the badge says: a rejected file's partition completes with exit status
	 * REJECTED, which is not a success.
	 */
	public String outcome() {
		if ("COMPLETED".equals(this.status) && this.exitCode != null && !"COMPLETED".equals(this.exitCode)
				&& !"NOOP".equals(this.exitCode)) {
			return this.exitCode;
		}
		return this.status;
	}

	public long skipCount() {
		return this.readSkipCount + this.processSkipCount + this.writeSkipCount;
	}

	public String durationText() {
		if (this.startTime == null) {
			return "";
		}
		return ExecutionSummary
			.format(Duration.between(this.startTime, this.endTime != null ? this.endTime : LocalDateTime.now()));
	}

	/** Percentage done for a running step that knows its total, else null. */
	public Integer percent() {
		if (this.total == null || this.total <= 0) {
			return null;
		}
		return (int) Math.min(100, this.readCount * 100 / this.total);
	}

}
