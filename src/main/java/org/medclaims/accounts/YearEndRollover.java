package org.medclaims.accounts;

import java.util.List;
import java.util.Optional;

import org.medclaims.system.OperatorMistake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Rolls a year over (年终结转, accounts.md) from the command line, the jobs API or the
 * schedule: refuses a year done or out of order with one sentence, restarts the year's
 * execution a fault or a crash left unfinished, else starts its rolloverJob.
 */
@Service
public class YearEndRollover {

	private static final Logger log = LoggerFactory.getLogger(YearEndRollover.class);

	private final JobRepository jobRepository;

	private final Job rolloverJob;

	private final RolloverRules rules;

	private final RolloverRecords records;

	YearEndRollover(JobRepository jobRepository, @Qualifier(RolloverJobConfiguration.JOB_NAME) Job rolloverJob,
			RolloverRules rules, RolloverRecords records) {
		this.jobRepository = jobRepository;
		this.rolloverJob = rolloverJob;
		this.rules = rules;
		this.records = records;
	}

	/** Why the year may not be rolled over now, in one sentence; empty when it may. */
	public Optional<String> refusal(int year) {
		return this.rules.refusal(year);
	}

	/**
	 * Starts (or finishes) the year's rollover with this operator: a synchronous one
	 * returns the ended execution, a background one the started execution.
	 * {@link OperatorMistake} when refused.
	 */
	public JobExecution rollOver(int year, JobOperator operator) throws Exception {
		Optional<String> refusal = refusal(year);
		if (refusal.isPresent()) {
			throw new OperatorMistake(refusal.get());
		}
		JobParameters parameters = new JobParametersBuilder().addLong(RolloverJobConfiguration.YEAR, (long) year)
			.toJobParameters();
		JobExecution last = this.jobRepository.getLastJobExecution(RolloverJobConfiguration.JOB_NAME, parameters);
		if (last == null) {
			return operator.start(this.rolloverJob, parameters);
		}
		if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
			// account_rollover lost its row: the job repository still knows
			throw new OperatorMistake(year + " was rolled over by execution " + last.getId() + " (" + last.getStatus()
					+ "), which account_rollover does not show: restore that table before rolling over again.");
		}
		if (last.getStatus().isRunning()) {
			throw new OperatorMistake(
					"The rollover of " + year + " is running as execution " + last.getId() + " (" + last.getStatus()
							+ "): wait for it to end; if its process died, run 'restart " + last.getId() + "'.");
		}
		log.info("Finishing the rollover of {}: restarting execution {}, left {}", year, last.getId(),
				last.getStatus());
		return operator.restart(last);
	}

	/** The year that ended last: what the schedule rolls over. */
	public int lastEndedYear() {
		return this.rules.lastEndedYear();
	}

	/** The years whose rollover began, oldest first, with their results. */
	public List<YearRolledOver> years() {
		return this.records.all();
	}

	/**
	 * The year to roll over next: the one after the last finished, else the first policy
	 * year.
	 */
	public int nextYear() {
		return this.records.latest().map(y -> y.finished() ? y.year() + 1 : y.year()).orElse(this.rules.firstYear());
	}

}
