package org.medclaims.settlement;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Settles everything waiting: restarts the last settlement run when a fault or a crash
 * left it FAILED or STOPPED (so it does not stay behind, unfinished), then starts a new
 * run for the files accepted since.
 */
@Service
public class SettlementRuns {

	private static final Logger log = LoggerFactory.getLogger(SettlementRuns.class);

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final SettlementLauncher launcher;

	SettlementRuns(JobRepository jobRepository, JobOperator jobOperator, SettlementLauncher launcher) {
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.launcher = launcher;
	}

	/**
	 * The restart of the unfinished run, if any, then (when that completed) a new run:
	 * each execution started. Refused, before anything starts, while a file taken in is
	 * not decided yet.
	 * @throws SettlementLauncher.SettlementRefused when an intake is unfinished
	 */
	public List<JobExecution> settleEverythingWaiting() throws Exception {
		this.launcher.refusal().ifPresent(why -> {
			throw new SettlementLauncher.SettlementRefused(why);
		});
		Optional<JobExecution> unfinished = lastUnfinished();
		if (unfinished.isPresent()) {
			log.info("Restarting settlement execution {}, left {}", unfinished.get().getId(),
					unfinished.get().getStatus());
			JobExecution restarted = this.jobOperator.restart(unfinished.get());
			if (restarted.getStatus() != BatchStatus.COMPLETED) {
				return List.of(restarted);
			}
			// the restart settled only what its run had grouped: files accepted since
			// need a run of their own
			return List.of(restarted, this.launcher.settle());
		}
		return List.of(this.launcher.settle());
	}

	private Optional<JobExecution> lastUnfinished() {
		List<JobInstance> instances = this.jobRepository.getJobInstances(SettlementJobConfiguration.JOB_NAME, 0, 1);
		if (instances.isEmpty()) {
			return Optional.empty();
		}
		JobExecution last = this.jobRepository.getLastJobExecution(instances.get(0));
		boolean restartable = last != null
				&& (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED);
		return restartable ? Optional.of(last) : Optional.empty();
	}

}
