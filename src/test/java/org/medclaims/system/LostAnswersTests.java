package org.medclaims.system;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An update of the job repository that the server saved but whose answer an outage lost
 * is recognised when tried again; a row another process changed is not taken for it.
 */
@SpringBootTest
class LostAnswersTests {

	@Autowired
	JobRepository jobRepository;

	@Test
	void aStepUpdateSavedBeforeItsAnswerWasLostIsRecognised() {
		StepExecution step = runningStep();
		int sent = step.getVersion();
		step.setWriteCount(50);
		step.setCommitCount(1);
		this.jobRepository.update(step);
		step.setVersion(sent); // the answer, and the version it raises, never came back

		assertThat(LostAnswers.savedBefore(this.jobRepository, step)).isTrue();
		assertThat(step.getVersion()).isEqualTo(sent + 1);
		step.setWriteCount(100);
		this.jobRepository.update(step);
		assertThat(this.jobRepository.getStepExecution(step.getId()).getWriteCount()).isEqualTo(100);
	}

	@Test
	void aRowAnotherProcessChangedIsNotTakenForAnEarlierAttempt() {
		StepExecution step = runningStep();
		int sent = step.getVersion();
		StepExecution other = this.jobRepository.getStepExecution(step.getId());
		other.setStatus(BatchStatus.FAILED);
		other.setExitStatus(ExitStatus.FAILED);
		this.jobRepository.update(other);

		assertThat(LostAnswers.savedBefore(this.jobRepository, step)).isFalse();
		assertThat(step.getVersion()).isEqualTo(sent);
	}

	@Test
	void aJobUpdateSavedBeforeItsAnswerWasLostIsRecognised() {
		JobExecution job = runningStep().getJobExecution();
		int sent = job.getVersion();
		job.setStatus(BatchStatus.COMPLETED);
		job.setExitStatus(ExitStatus.COMPLETED);
		this.jobRepository.update(job);
		job.setVersion(sent);

		assertThat(LostAnswers.savedBefore(this.jobRepository, job)).isTrue();
		assertThat(job.getVersion()).isEqualTo(sent + 1);
	}

	private StepExecution runningStep() {
		JobParameters parameters = new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("lostAnswersJob", parameters);
		JobExecution execution = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(BatchStatus.STARTED);
		this.jobRepository.update(execution);
		StepExecution step = this.jobRepository.createStepExecution("lostAnswersStep", execution);
		step.setStatus(BatchStatus.STARTED);
		this.jobRepository.update(step);
		return step;
	}

}
