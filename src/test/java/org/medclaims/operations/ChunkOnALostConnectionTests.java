package org.medclaims.operations;

import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medclaims.operations.OperationsTestJobs.ConnectionLoss;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk whose connection is lost after the step saved its position, as a database
 * restart does, before its commit or after it but before the answer: the chunk is done
 * once, and the step goes on from the last commit (Spring Batch 6.0.4 went on from the
 * lost chunk's position and skipped its items; 6.0.6 alone ended UNKNOWN when only the
 * answer was lost).
 */
@SpringBootTest
@Import(OperationsTestJobs.class)
class ChunkOnALostConnectionTests {

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("numbersJob")
	Job numbersJob;

	@ParameterizedTest
	@EnumSource(ConnectionLoss.class)
	void theChunkIsDoneOnceAndNothingIsSkipped(ConnectionLoss loss) throws Exception {
		this.jdbc.execute("DROP TABLE IF EXISTS test_number");
		this.jdbc.execute("CREATE TABLE test_number (n INT NOT NULL)");
		OperationsTestJobs.connectionLoss.set(loss);

		JobExecution execution = this.jobOperator.start(this.numbersJob,
				new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());

		assertThat(OperationsTestJobs.connectionLoss).as("the connection was lost").hasNullValue();
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT n FROM test_number ORDER BY n", Integer.class))
			.isEqualTo(IntStream.rangeClosed(1, 50).boxed().toList());
		StepExecution step = execution.getStepExecutions().iterator().next();
		assertThat(step.getWriteCount()).isEqualTo(50);
		assertThat(step.getRollbackCount()).isPositive();
		this.jdbc.execute("DROP TABLE test_number");
	}

}
