package org.medclaims.operations;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;

/**
 * A part of {@code run-once} that a feature adds: SFTP fetches the hospitals' files
 * before the intake and delivers the answers after the settlement.
 */
public interface RunOnceStage {

	/** Runs before the local inbound folder is taken in; returns the jobs it ran. */
	default List<JobExecution> beforeIntake() throws Exception {
		return List.of();
	}

	/**
	 * Runs once every claim is settled and every response written; returns the jobs it
	 * ran.
	 */
	default List<JobExecution> afterSettlement() throws Exception {
		return List.of();
	}

}
