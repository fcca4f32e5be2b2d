package org.medclaims.operations;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One job execution as operators see it: counts summed over its steps;
 * {@code rejectedClaims} only for claim intake (the claims of its file that were
 * rejected); {@code latest}: no later execution of its job instance exists (only the
 * latest can be restarted or abandoned); {@code ownerState}: whether the process that
 * runs it still lives, which decides what a running execution offers.
 */
public record ExecutionSummary(long id, String jobName, String parameters, String status, String exitCode,
		String exitDescription, LocalDateTime startTime, LocalDateTime endTime, long readCount, long writeCount,
		long filterCount, long skipCount, long commitCount, long rollbackCount, Long rejectedClaims, String owner,
		boolean latest, CrashRecovery.OwnerState ownerState) {

	public Duration duration() {
		if (this.startTime == null) {
			return null;
		}
		LocalDateTime end = this.endTime != null ? this.endTime : LocalDateTime.now();
		return Duration.between(this.startTime, end);
	}

	public boolean running() {
		return "STARTING".equals(this.status) || "STARTED".equals(this.status) || "STOPPING".equals(this.status);
	}

	/** Running in a process that died: only a restart (or abandon) finishes it. */
	public boolean crashed() {
		return running() && this.ownerState == CrashRecovery.OwnerState.DEAD;
	}

	public boolean restartable() {
		return this.latest && ("FAILED".equals(this.status) || "STOPPED".equals(this.status) || crashed());
	}

	public boolean stoppable() {
		return running() && !"STOPPING".equals(this.status) && !crashed();
	}

	public boolean abandonable() {
		return this.latest && ("FAILED".equals(this.status) || "STOPPED".equals(this.status) || crashed());
	}

	/**
	 * What the badge says: the business outcome of a completed run (a rejected file's
	 * intake completes with exit status REJECTED, which is not a success), else the batch
	 * status.
	 */
	public String outcome() {
		if ("COMPLETED".equals(this.status) && this.exitCode != null && !"COMPLETED".equals(this.exitCode)
				&& !"NOOP".equals(this.exitCode)) {
			return this.exitCode;
		}
		return crashed() ? "CRASHED" : this.status;
	}

	/** {@code 1h 02m 03s}, {@code 2m 05s}, {@code 4.2s}. */
	public static String format(Duration duration) {
		if (duration == null) {
			return "";
		}
		long seconds = duration.toSeconds();
		if (seconds >= 3600) {
			return String.format("%dh %02dm %02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
		}
		if (seconds >= 60) {
			return String.format("%dm %02ds", seconds / 60, seconds % 60);
		}
		return String.format("%.1fs", duration.toMillis() / 1000.0);
	}

	public String durationText() {
		return format(duration());
	}

}
