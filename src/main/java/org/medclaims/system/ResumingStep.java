package org.medclaims.system;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.retry.RetryException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A step that, when it fails on a transient database fault, waits (exponential backoff)
 * and runs again in the same step execution from its last commit: counts and execution
 * context are read back from the job repository, as a restart would, so the chunk or
 * tasklet transaction that was lost is done once. An outage longer than
 * {@code medclaims.database.retry-for} leaves the step FAILED with a sentence.
 */
class ResumingStep implements Step {

	private static final Logger log = LoggerFactory.getLogger(ResumingStep.class);

	private final Step step;

	private final Supplier<JobRepository> jobRepository;

	private final DatabaseRetry retry;

	ResumingStep(Step step, Supplier<JobRepository> jobRepository, DatabaseRetry retry) {
		this.step = step;
		this.jobRepository = jobRepository;
		this.retry = retry;
	}

	@Override
	public String getName() {
		return this.step.getName();
	}

	@Override
	public boolean isAllowStartIfComplete() {
		return this.step.isAllowStartIfComplete();
	}

	@Override
	public int getStartLimit() {
		return this.step.getStartLimit();
	}

	@Override
	public void execute(StepExecution stepExecution) throws JobInterruptedException {
		String what = "step " + stepExecution.getStepName() + " ran";
		boolean[] again = { false };
		try {
			this.retry.execute(what, () -> {
				if (again[0]) {
					resumeFromLastCommit(stepExecution);
				}
				again[0] = true;
				this.step.execute(stepExecution);
				Throwable failure = stepExecution.getFailureExceptions().stream().findFirst().orElse(null);
				if (failure != null && !stepExecution.isTerminateOnly() && TransientDatabaseFaults.isTransient(failure)
						&& (stepExecution.getStatus() == BatchStatus.FAILED || savedOverALostAnswer(stepExecution))) {
					throw failure;
				}
				return null;
			});
		}
		catch (RetryException ex) {
			if (ex.getLastException() instanceof JobInterruptedException interrupted) {
				throw interrupted;
			}
			// the step ended FAILED on its own; the sentence says why it was not tried
			// again
			stepExecution.setExitStatus(stepExecution.getExitStatus()
				.addExitDescription(this.retry.failure(what, ex.getLastException()).getMessage()));
			try {
				this.jobRepository.get().update(stepExecution);
			}
			catch (OptimisticLockingFailureException later) {
				log.warn("Step {} (execution {}) ends {} here; the job repository holds a later state of it: {}",
						stepExecution.getStepName(), stepExecution.getId(), stepExecution.getStatus(),
						later.getMessage());
			}
		}
	}

	/**
	 * UNKNOWN, as the step could not save its end: its last commit was done though its
	 * answer was lost in the outage, and the repository is a version ahead. Resumed if
	 * the repository still has it running, not if another process ended it meanwhile (a
	 * manager that found its heartbeat too old).
	 */
	private boolean savedOverALostAnswer(StepExecution execution) {
		if (execution.getStatus() != BatchStatus.UNKNOWN) {
			return false;
		}
		StepExecution committed = this.jobRepository.get().getStepExecution(execution.getId());
		return committed != null && committed.getStatus() == BatchStatus.STARTED;
	}

	// what the repository holds is what the last commit left: the lost transaction is
	// done again
	private void resumeFromLastCommit(StepExecution execution) {
		StepExecution committed = this.jobRepository.get().getStepExecution(execution.getId());
		if (committed == null) {
			throw new IllegalStateException(
					"Step execution " + execution.getId() + " is gone from the job repository.");
		}
		log.info("Step {} (execution {}) resumes from its last commit: read {}, written {}", execution.getStepName(),
				execution.getId(), committed.getReadCount(), committed.getWriteCount());
		execution.setVersion(committed.getVersion());
		execution.setReadCount(committed.getReadCount());
		execution.setWriteCount(committed.getWriteCount());
		execution.setFilterCount(committed.getFilterCount());
		execution.setCommitCount(committed.getCommitCount());
		execution.setRollbackCount(committed.getRollbackCount() + 1);
		execution.setReadSkipCount(committed.getReadSkipCount());
		execution.setProcessSkipCount(committed.getProcessSkipCount());
		execution.setWriteSkipCount(committed.getWriteSkipCount());
		execution.setExecutionContext(committed.getExecutionContext());
		execution.getFailureExceptions().clear();
		execution.setExitStatus(ExitStatus.EXECUTING);
		execution.setStatus(BatchStatus.STARTED);
		execution.setEndTime(null);
	}

}
