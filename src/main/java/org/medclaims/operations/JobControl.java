package org.medclaims.operations;

import java.util.Optional;

import org.medclaims.accounts.YearEndRollover;
import org.medclaims.settlement.SettlementLauncher;
import org.medclaims.system.OperatorMistake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Restart, stop, abandon and launch-now for operators, from the command line (waiting for
 * the outcome) or the web (in the background). Every refusal is a {@link JobConflict} or
 * an {@link ExecutionNotFound} with one sentence saying what to do.
 */
@Service
class JobControl {

	static final String SETTLEMENT_JOB = "settlementJob";

	private static final Logger log = LoggerFactory.getLogger(JobControl.class);

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final BackgroundJobOperator backgroundOperator;

	private final CrashRecovery crashRecovery;

	private final JobRegistry jobs;

	private final ApplicationEventPublisher events;

	private final SettlementLauncher settlementLauncher;

	private final YearEndRollover rollover;

	JobControl(JobRepository jobRepository, JobOperator jobOperator, BackgroundJobOperator backgroundOperator,
			CrashRecovery crashRecovery, JobRegistry jobs, ApplicationEventPublisher events,
			SettlementLauncher settlementLauncher, YearEndRollover rollover) {
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.backgroundOperator = backgroundOperator;
		this.crashRecovery = crashRecovery;
		this.jobs = jobs;
		this.events = events;
		this.settlementLauncher = settlementLauncher;
		this.rollover = rollover;
	}

	JobExecution find(long id) {
		JobExecution execution;
		try {
			execution = this.jobRepository.getJobExecution(id);
		}
		catch (EmptyResultDataAccessException ex) {
			// Batch 6's JDBC repository throws here where its Javadoc promises null
			execution = null;
		}
		if (execution == null) {
			throw new ExecutionNotFound(id);
		}
		return execution;
	}

	/**
	 * Restarts a FAILED or STOPPED execution, first marking it FAILED when a crash left
	 * it running; {@code wait}: run it on this thread and return the finished execution,
	 * else return at once.
	 */
	JobExecution restart(long id, boolean wait) {
		JobExecution execution = find(id);
		String jobName = execution.getJobInstance().getJobName();
		if (execution.getStatus().isRunning()) {
			execution = recoverIfOwnerDied(execution, "restart");
		}
		switch (execution.getStatus()) {
			case COMPLETED -> throw new JobConflict(
					"Execution " + id + " of " + jobName + " is COMPLETED: there is nothing to restart.");
			case ABANDONED -> throw new JobConflict("Execution " + id + " of " + jobName
					+ " was abandoned and cannot be restarted: start the job anew.");
			default -> {
			}
		}
		JobExecution last = this.jobRepository.getLastJobExecution(execution.getJobInstance());
		if (last != null && last.getId() != id) {
			throw new JobConflict("Execution " + id + " of " + jobName + " was already restarted as execution "
					+ last.getId() + " (" + last.getStatus() + "): act on execution " + last.getId() + " instead.");
		}
		Job job = job(jobName).orElseThrow(() -> new JobConflict("Execution " + id + " belongs to job " + jobName
				+ ", which this version of medclaims does not have: it cannot be restarted."));
		if (!job.isRestartable()) {
			throw new JobConflict("Job " + jobName + " is not restartable: start it anew instead of restarting "
					+ "execution " + id + ".");
		}
		log.info("Restarting execution {} of {}", id, jobName);
		try {
			JobOperator operator = wait ? this.jobOperator : this.backgroundOperator.get();
			return operator.restart(execution);
		}
		catch (JobRestartException ex) {
			throw restartRefused(id, jobName, ex);
		}
	}

	/**
	 * Asks a running execution to stop at its next chunk boundary; a crashed one is
	 * marked FAILED.
	 */
	String stop(long id) {
		JobExecution execution = find(id);
		String jobName = execution.getJobInstance().getJobName();
		if (!execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.STOPPING) {
			if (execution.getStatus() == BatchStatus.STOPPING) {
				return "Execution " + id + " of " + jobName + " is already STOPPING.";
			}
			throw new JobConflict("Execution " + id + " of " + jobName + " is " + execution.getStatus()
					+ ", not running: there is nothing to stop.");
		}
		CrashRecovery.Ownership ownership = this.crashRecovery.ownership(execution);
		if (ownership.state() == CrashRecovery.OwnerState.DEAD) {
			this.crashRecovery.markFailed(execution, ownership.owner().get());
			return "Execution " + id + " of " + jobName + " was left running by " + ownership.owner().get()
					+ ", which died: it is now FAILED; restart it with 'restart " + id + "'.";
		}
		// only the job-level flag, which the running step reads at its next commit:
		// Batch's JobOperator.stop also
		// rewrites the running step's execution, and the step's own commit then fails on
		// the stale version, so the
		// job ends FAILED instead of STOPPED (seen once requests no longer waited 75 ms
		// for a bcrypt check)
		for (int attempt = 1;; attempt++) {
			try {
				execution.setStatus(BatchStatus.STOPPING);
				this.jobRepository.update(execution);
				log.info("Execution {} of {} asked to stop", id, jobName);
				break;
			}
			catch (OptimisticLockingFailureException ex) {
				// the job saved its execution meanwhile (a step began or ended): reload
				// and ask again
				execution = find(id);
				if (!execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.STOPPING) {
					break;
				}
				if (attempt == 5) {
					throw new JobConflict("Execution " + id + " of " + jobName
							+ " kept changing while it was asked to stop: try 'stop " + id + "' again.", ex);
				}
			}
		}
		return "Execution " + id + " of " + jobName + " is STOPPING: it stops at its next chunk boundary.";
	}

	/** Gives up an execution for good: it will never be restarted. */
	JobExecution abandon(long id) {
		JobExecution execution = find(id);
		String jobName = execution.getJobInstance().getJobName();
		if (execution.getStatus() == BatchStatus.STARTING || execution.getStatus() == BatchStatus.STARTED) {
			execution = recoverIfOwnerDied(execution, "abandon");
		}
		switch (execution.getStatus()) {
			case COMPLETED -> throw new JobConflict(
					"Execution " + id + " of " + jobName + " is COMPLETED: there is nothing to abandon.");
			case ABANDONED -> throw new JobConflict("Execution " + id + " of " + jobName + " is already ABANDONED.");
			default -> {
			}
		}
		try {
			JobExecution abandoned = this.jobOperator.abandon(execution);
			this.events.publishEvent(new ExecutionAbandoned(abandoned));
			return abandoned;
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new JobConflict("Execution " + id + " of " + jobName + " is still running: stop it with 'stop " + id
					+ "' and abandon it once it is STOPPED.", ex);
		}
	}

	/**
	 * Starts the settlement job now in the background; refused while a settlement runs or
	 * an intake is unfinished.
	 */
	synchronized JobExecution launchSettlement() {
		try {
			return this.settlementLauncher.startInBackground(this.backgroundOperator.get());
		}
		catch (SettlementLauncher.SettlementRefused ex) {
			throw new JobConflict(ex.getMessage(), ex);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new JobConflict("A settlement is already running: wait for it to end.", ex);
		}
		catch (Exception ex) {
			throw new JobConflict("The settlement job could not start: " + rootMessage(ex), ex);
		}
	}

	/**
	 * Starts (or finishes) the year-end rollover of a year in the background; refused for
	 * a year done or out of order.
	 */
	synchronized JobExecution launchRollover(int year) {
		try {
			return this.rollover.rollOver(year, this.backgroundOperator.get());
		}
		catch (OperatorMistake ex) {
			throw new JobConflict(ex.getMessage(), ex);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new JobConflict("The rollover of " + year + " is already running: wait for it to end.", ex);
		}
		catch (Exception ex) {
			throw new JobConflict("The rollover of " + year + " could not start: " + rootMessage(ex), ex);
		}
	}

	private JobExecution recoverIfOwnerDied(JobExecution execution, String action) {
		long id = execution.getId();
		CrashRecovery.Ownership ownership = this.crashRecovery.ownership(execution);
		return switch (ownership.state()) {
			case DEAD -> this.crashRecovery.markFailed(execution, ownership.owner().get());
			case ALIVE -> throw new JobConflict("Execution " + id + " is still running in live "
					+ ownership.owner().get() + ": stop it with 'stop " + id + "' before you " + action + " it.");
			case ELSEWHERE -> throw new JobConflict("Execution " + id + " is " + execution.getStatus() + " in "
					+ ownership.owner().get() + ", another host: " + action + " it there.");
			case UNKNOWN -> throw new JobConflict("Execution " + id + " is " + execution.getStatus()
					+ " but no owner was recorded: if no process runs it, 'stop " + id + "' then 'abandon " + id
					+ "'.");
		};
	}

	private static JobConflict restartRefused(long id, String jobName, JobRestartException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JobInstanceAlreadyCompleteException) {
				return new JobConflict("Execution " + id + " of " + jobName
						+ " cannot be restarted: its job instance already completed.", ex);
			}
			if (t instanceof JobExecutionAlreadyRunningException) {
				return new JobConflict("Execution " + id + " of " + jobName
						+ " cannot be restarted: another execution of its job instance is running.", ex);
			}
		}
		return new JobConflict("Execution " + id + " of " + jobName + " cannot be restarted: " + rootMessage(ex), ex);
	}

	private static String rootMessage(Throwable ex) {
		return String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
	}

	private Optional<Job> job(String name) {
		return Optional.ofNullable(this.jobs.getJob(name));
	}

}
