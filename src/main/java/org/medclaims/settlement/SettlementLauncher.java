package org.medclaims.settlement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Starts a new settlement run: every claim waiting now is settled and every due response written. */
@Service
public class SettlementLauncher {

	private static final Logger log = LoggerFactory.getLogger(SettlementLauncher.class);

	private final JobOperator jobOperator;

	private final Job settlementJob;

	SettlementLauncher(JobOperator jobOperator, @Qualifier(SettlementJobConfiguration.JOB_NAME) Job settlementJob) {
		this.jobOperator = jobOperator;
		this.settlementJob = settlementJob;
	}

	/** Runs the job in the caller's thread and returns when it has ended. */
	public synchronized JobExecution settle() throws Exception {
		JobExecution execution = this.jobOperator.start(this.settlementJob,
				new JobParametersBuilder().addLong("run", System.currentTimeMillis()).toJobParameters());
		log.info("Settlement run {} ended {} ({})", execution.getId(), execution.getStatus(),
				execution.getExitStatus().getExitCode());
		return execution;
	}

}
