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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An update of the job repository that the server saved but whose answer an outage lost
 * is recognised when tried again; a row another process changed is not taken for it.
 */
@SpringBootTest
class LostAnswersTests {

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aStepUpdateSavedBeforeItsAnswerWasLostIsRecognised() {
		StepExecution step = runningStep();
		int sent = step.getVersion();
		step.setWriteCount(50);
		step.setCommitCount(1);
		this.jobRepository.update(step);
		step.setVersion(sent); // the answer, and the version it raises, never came back

		assertThat(LostAnswers.reconcile(this.jobRepository, step)).isEqualTo(LostAnswers.Outcome.SAVED);
		assertThat(step.getVersion()).isEqualTo(sent + 1);
		step.setWriteCount(100);
		this.jobRepository.update(step);
		assertThat(this.jobRepository.getStepExecution(step.getId()).getWriteCount()).isEqualTo(100);
	}

	@Test
	void aStepUpdateWhoseCommitWasLostIsMadeAgain() {
		StepExecution step = runningStep();
		int stored = step.getVersion();
		step.setWriteCount(50);
		step.incrementVersion(); // the UPDATE ran and raised the version; its commit
									// never came

		assertThat(LostAnswers.reconcile(this.jobRepository, step)).isEqualTo(LostAnswers.Outcome.NOT_SAVED);
		assertThat(step.getVersion()).isEqualTo(stored);
		this.jobRepository.update(step);
		assertThat(this.jobRepository.getStepExecution(step.getId()).getWriteCount()).isEqualTo(50);
	}

	@Test
	void theRepositoryMakesAgainAnUpdateWhoseCommitFailedAfterItsVersionRose() {
		StepExecution step = runningStep();
		int stored = step.getVersion();
		// the step's next commit fails once, after its UPDATE ran (a sequence is not
		// rolled back)
		this.jdbc.execute("CREATE SEQUENCE lose_commit_once");
		this.jdbc.execute("""
				CREATE FUNCTION lose_commit_once() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.step_execution_id = %d AND nextval('lose_commit_once') = 1 THEN
				        RAISE EXCEPTION 'commit lost (simulated)' USING ERRCODE = 'serialization_failure';
				    END IF;
				    RETURN NULL;
				END $$
				""".formatted(step.getId()));
		this.jdbc.execute("""
				CREATE CONSTRAINT TRIGGER lose_commit_once AFTER UPDATE ON batch_step_execution
				    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lose_commit_once()
				""");
		try {
			step.setWriteCount(7);
			this.jobRepository.update(step);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER lose_commit_once ON batch_step_execution");
			this.jdbc.execute("DROP FUNCTION lose_commit_once()");
		}

		assertThat(this.jdbc.queryForObject("SELECT last_value FROM lose_commit_once", Long.class))
			.as("the commit failed once, and the update was made again")
			.isEqualTo(2);
		StepExecution saved = this.jobRepository.getStepExecution(step.getId());
		assertThat(saved.getWriteCount()).isEqualTo(7);
		assertThat(saved.getVersion()).isEqualTo(stored + 1).isEqualTo(step.getVersion());
	}

	@Test
	void aRowAnotherProcessChangedIsNotTakenForAnEarlierAttempt() {
		StepExecution step = runningStep();
		int sent = step.getVersion();
		StepExecution other = this.jobRepository.getStepExecution(step.getId());
		other.setStatus(BatchStatus.FAILED);
		other.setExitStatus(ExitStatus.FAILED);
		this.jobRepository.update(other);

		assertThat(LostAnswers.reconcile(this.jobRepository, step)).isEqualTo(LostAnswers.Outcome.CHANGED_ELSEWHERE);
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

		assertThat(LostAnswers.reconcile(this.jobRepository, job)).isEqualTo(LostAnswers.Outcome.SAVED);
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
