package org.medclaims.intake;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * In {@code serve}: an intake that failed on a fault (database down, disk full) is
 * restarted on its own once the fault is gone, not only at the next start or by an
 * operator; so is the forgetting of a file whose arrival could not even be recorded.
 */
class UnfinishedArrivalsRetry {

	private static final Logger log = LoggerFactory.getLogger(UnfinishedArrivalsRetry.class);

	private final ClaimIntake intake;

	private final boolean watching;

	private final IntakeLock intakeLock;

	private final Runnable forgetPending;

	UnfinishedArrivalsRetry(ClaimIntake intake, boolean watching, IntakeLock intakeLock, Runnable forgetPending) {
		this.intake = intake;
		this.watching = watching;
		this.intakeLock = intakeLock;
		this.forgetPending = forgetPending;
	}

	@Scheduled(initialDelayString = "${medclaims.intake.retry-interval:60s}",
			fixedDelayString = "${medclaims.intake.retry-interval:60s}")
	void retry() {
		// a serve that found another process taking files in leaves their arrivals to it
		if (!this.watching || !this.intakeLock.isHeld()) {
			return;
		}
		try {
			this.forgetPending.run();
			List<JobExecution> resumed = this.intake.resumeUnfinished().executions();
			if (!resumed.isEmpty()) {
				log.info("Resumed {} unfinished intake(s)", resumed.size());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Unfinished intakes could not be resumed yet: {}", ex.getMessage());
		}
	}

}
