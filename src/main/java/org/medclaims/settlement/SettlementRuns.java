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
 * Settles everything waiting: restarts the last settlement run when a fault or a crash left it
 * FAILED or STOPPED (so it does not stay behind, unfinished), else starts a new run.
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

	public JobExecution settleEverythingWaiting() throws Exception {
		Optional<JobExecution> unfinished = lastUnfinished();
		if (unfinished.isPresent()) {
			log.info("Restarting settlement execution {}, left {}", unfinished.get().getId(),
					unfinished.get().getStatus());
			return this.jobOperator.restart(unfinished.get());
		}
		return this.launcher.settle();
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
