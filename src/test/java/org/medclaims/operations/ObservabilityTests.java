package org.medclaims.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress logging of chunk steps, Batch and claim metrics, and resident IDs masked in
 * the log.
 */
@SpringBootTest
@Import(ObservabilityTests.CountingJob.class)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

	@Autowired
	JobOperator jobOperator;

	@Autowired
	@Qualifier("countingJob")
	Job countingJob;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aChunkStepLogsItsProgressAndRecordsItsTotal(CapturedOutput output) throws Exception {
		JobExecution execution = this.jobOperator.start(this.countingJob,
				new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long stepId = execution.getStepExecutions().iterator().next().getId();
		assertThat(this.jdbc.queryForObject("SELECT total FROM step_progress WHERE step_execution_id = ?", Long.class,
				stepId))
			.isEqualTo(250L);
		assertThat(output.getOut()).contains("countStep: starting, 250 items to do")
			.contains("countStep: 100/250 items (40.0%)")
			.contains("countStep: 200/250 items (80.0%)")
			.containsPattern("items/s, ETA \\S+")
			.contains("countStep: COMPLETED after 250 items in");
		assertThat(output.getOut()).doesNotContain("countStep: 250/250");
	}

	@Test
	void batchObservationsAndClaimGaugesAreMetrics() throws Exception {
		this.jobOperator.start(this.countingJob,
				new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());

		assertThat(this.meters.find("spring.batch.job").tag("spring.batch.job.name", "countingJob").timer())
			.isNotNull();
		// steps are observed only when they are beans (Boot's
		// BatchObservabilityBeanPostProcessor); this one is not
		assertThat(this.meters.get("medclaims.claims").tag("status", "SETTLED").gauge().value()).isZero();
		assertThat(this.meters.get("medclaims.claim.files").tag("status", "REJECTED").gauge().value()).isZero();
	}

	@Test
	void residentIdsAreMaskedInEveryLogLine(CapturedOutput output) {
		LoggerFactory.getLogger("org.medclaims.test")
			.warn("claim C1 of 330282198001011237 and 33028219400911796X refused; file H330282001_20140210_001.clm;"
					+ " row (ID330282198001011237)");

		assertThat(output.getOut())
			.contains("claim C1 of 330282**********37 and 330282**********6X refused;"
					+ " file H330282001_20140210_001.clm; row (ID330282**********37)")
			.doesNotContain("330282198001011237");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingJob {

		// a fresh list per step execution: ListItemReader consumes its list
		@Bean
		@StepScope
		ListItemReader<Integer> numbers() {
			return new ListItemReader<>(IntStream.range(0, 250).boxed().toList());
		}

		@Bean
		Job countingJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
				ListItemReader<Integer> numbers) {
			List<Integer> written = new ArrayList<>();
			return new JobBuilder("countingJob", jobRepository)
				.start(new StepBuilder("countStep", jobRepository).<Integer, Integer>chunk(10)
					.reader(numbers)
					.writer(chunk -> written.addAll(chunk.getItems()))
					.listener(new ProgressLogger(100, () -> 250, jdbc))
					.transactionManager(transactionManager)
					.build())
				.build();
		}

	}

}
