package org.medclaims.system;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * An update of the job repository tried again after an outage can meet its own earlier
 * attempt, a version off. The DAO raises the version in memory once its UPDATE ran,
 * before the commit: a commit lost in the outage leaves memory a version ahead of the row
 * (not saved: the version is taken back and the update made again); an UPDATE saved whose
 * answer was lost leaves the row a version ahead, holding exactly what was sent (saved:
 * the execution takes the stored version). Anything else is a row another process
 * changed, and stays a failure.
 */
final class LostAnswers {

	/** What the earlier attempt left. */
	enum Outcome {

		SAVED, NOT_SAVED, CHANGED_ELSEWHERE

	}

	private LostAnswers() {
	}

	/** Reconciles {@code execution} (a step or job execution) with what is stored. */
	static Outcome reconcile(JobRepository repository, Object execution) {
		if (execution instanceof StepExecution step) {
			StepExecution stored = repository.getStepExecution(step.getId());
			if (stored == null || stored.getVersion() == null || step.getVersion() == null) {
				return Outcome.CHANGED_ELSEWHERE;
			}
			if (stored.getVersion() == step.getVersion() - 1) {
				step.setVersion(stored.getVersion());
				return Outcome.NOT_SAVED;
			}
			if (stored.getVersion() == step.getVersion() + 1 && stored.getStatus() == step.getStatus()
					&& stored.getExitStatus().getExitCode().equals(step.getExitStatus().getExitCode())
					&& stored.getReadCount() == step.getReadCount() && stored.getWriteCount() == step.getWriteCount()
					&& stored.getCommitCount() == step.getCommitCount()) {
				step.setVersion(stored.getVersion());
				return Outcome.SAVED;
			}
		}
		if (execution instanceof JobExecution job) {
			JobExecution stored = repository.getJobExecution(job.getId());
			if (stored == null || stored.getVersion() == null || job.getVersion() == null) {
				return Outcome.CHANGED_ELSEWHERE;
			}
			if (stored.getVersion() == job.getVersion() - 1) {
				job.setVersion(stored.getVersion());
				return Outcome.NOT_SAVED;
			}
			if (stored.getVersion() == job.getVersion() + 1 && stored.getStatus() == job.getStatus()
					&& stored.getExitStatus().getExitCode().equals(job.getExitStatus().getExitCode())) {
				job.setVersion(stored.getVersion());
				return Outcome.SAVED;
			}
		}
		return Outcome.CHANGED_ELSEWHERE;
	}

}
