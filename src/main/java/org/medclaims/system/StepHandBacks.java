package org.medclaims.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * Partitions a stopping worker hands back: stopped at a chunk boundary, they are recorded
 * as STARTING again (never STOPPED, which a manager would take for their end) and their
 * requests sent again, so another worker resumes them from their last commit in the same
 * execution.
 */
public final class StepHandBacks {

	private static final Set<Long> handingBack = ConcurrentHashMap.newKeySet();

	private StepHandBacks() {
	}

	/** Asks the partition to stop at its next chunk boundary, to be handed back. */
	public static void handBack(StepExecution execution) {
		handingBack.add(execution.getId());
		execution.setTerminateOnly();
	}

	/** Whether the partition was handed back (once: the flag is cleared). */
	public static boolean handedBack(long stepExecutionId) {
		return handingBack.remove(stepExecutionId);
	}

	/**
	 * What the job repository records of a partition being handed back, before it records
	 * it.
	 */
	static void beforeUpdate(StepExecution execution, String by) {
		if (handingBack.contains(execution.getId()) && execution.getStatus() == BatchStatus.STOPPED) {
			execution.setStatus(BatchStatus.STARTING);
			execution.setExitStatus(new ExitStatus(ExitStatus.EXECUTING.getExitCode(),
					"handed back by " + by + " when it stopped; resumed by the next worker from its last commit"));
			execution.setEndTime(null);
		}
	}

}
