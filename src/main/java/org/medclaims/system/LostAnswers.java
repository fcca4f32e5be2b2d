package org.medclaims.system;

import java.util.Objects;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * An update of the job repository whose commit the server made but whose answer an outage
 * lost: tried again, it meets its own row a version ahead (an optimistic-locking
 * failure). When that row holds exactly what was sent, the update was saved; the
 * execution takes the stored version and goes on. A row another process changed differs,
 * and stays a failure.
 */
final class LostAnswers {

	private LostAnswers() {
	}

	/**
	 * Whether {@code execution} (a step or job execution) was saved by an earlier
	 * attempt.
	 */
	static boolean savedBefore(JobRepository repository, Object execution) {
		if (execution instanceof StepExecution step) {
			StepExecution stored = repository.getStepExecution(step.getId());
			if (stored != null && aVersionAhead(stored.getVersion(), step.getVersion())
					&& stored.getStatus() == step.getStatus()
					&& stored.getExitStatus().getExitCode().equals(step.getExitStatus().getExitCode())
					&& stored.getReadCount() == step.getReadCount() && stored.getWriteCount() == step.getWriteCount()
					&& stored.getCommitCount() == step.getCommitCount()) {
				step.setVersion(stored.getVersion());
				return true;
			}
		}
		if (execution instanceof JobExecution job) {
			JobExecution stored = repository.getJobExecution(job.getId());
			if (stored != null && aVersionAhead(stored.getVersion(), job.getVersion())
					&& stored.getStatus() == job.getStatus()
					&& stored.getExitStatus().getExitCode().equals(job.getExitStatus().getExitCode())) {
				job.setVersion(stored.getVersion());
				return true;
			}
		}
		return false;
	}

	private static boolean aVersionAhead(Integer stored, Integer sent) {
		return stored != null && sent != null && Objects.equals(stored, sent + 1);
	}

}
