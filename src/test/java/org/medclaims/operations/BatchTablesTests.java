package org.medclaims.operations;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query of {@link ExecutionQueries}, the one class that reads Spring Batch's tables
 * with SQL, on the schema the Batch jar ships (migration V1) and on rows its
 * JobRepository wrote: a Batch upgrade that renames or drops what they read fails here,
 * not in an operator's console.
 */
@SpringBootTest
@Import(OperationsTestJobs.class)
class BatchTablesTests {

	@Autowired
	ExecutionQueries queries;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("flakyJob")
	Job flakyJob;

	@Test
	void everyQueryReadsWhatTheJobRepositoryWrote() throws Exception {
		JobExecution done = this.jobOperator.start(this.flakyJob,
				new JobParametersBuilder().addLong("run", 20131231L).toJobParameters());
		JobExecution running = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", ProcessHandle.current().pid(), "another-host");

		ExecutionQueries.Page completed = this.queries.list("COMPLETED", "flakyJob", 0, 10);
		assertThat(completed.totalElements()).isOne();
		assertThat(completed.content()).singleElement().satisfies(e -> {
			assertThat(e.id()).isEqualTo(done.getId());
			assertThat(e.jobName()).isEqualTo("flakyJob");
			assertThat(e.status()).isEqualTo("COMPLETED");
			assertThat(e.parameters()).isEqualTo("run=20131231");
			assertThat(e.writeCount()).isEqualTo(3);
			assertThat(e.commitCount()).isOne();
			assertThat(e.latest()).isTrue();
		});
		assertThat(this.queries.list(null, null, 0, 10).totalElements()).isEqualTo(2);
		assertThat(this.queries.summary(running.getId())).hasValueSatisfying(e -> {
			assertThat(e.status()).isEqualTo("STARTED");
			assertThat(e.readCount()).isEqualTo(729);
			assertThat(e.owner()).isEqualTo(ProcessHandle.current().pid() + "@another-host");
		});
		assertThat(this.queries.steps(done.getId())).singleElement().satisfies(s -> {
			assertThat(s.stepName()).isEqualTo("flakyStep");
			assertThat(s.status()).isEqualTo("COMPLETED");
			assertThat(s.writeCount()).isEqualTo(3);
		});
		assertThat(this.queries.parameters(done.getId())).singleElement().satisfies(p -> {
			assertThat(p.name()).isEqualTo("run");
			assertThat(p.value()).isEqualTo("20131231");
			assertThat(p.identifying()).isTrue();
		});
		assertThat(this.queries.parametersOf(List.of(done.getId(), running.getId()))).containsOnlyKeys(done.getId(),
				running.getId());
		assertThat(this.queries.runningSteps()).singleElement().satisfies(r -> {
			assertThat(r.executionId()).isEqualTo(running.getId());
			assertThat(r.jobName()).isEqualTo("flakyJob");
			assertThat(r.stepName()).isEqualTo("flakyStep");
			assertThat(r.readCount()).isEqualTo(729);
		});
	}

}
