package org.medclaims.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Test-only jobs: {@code flakyJob} fails while {@link #failing} is set; {@code slowJob}
 * runs until stopped; {@code numbersJob} loses a connection while a chunk commits; the
 * real settlement job can be held in its first step until {@link #releaseSettlement()}.
 */
@TestConfiguration(proxyBeanMethods = false)
class OperationsTestJobs {

	static final AtomicBoolean failing = new AtomicBoolean();

	/**
	 * How numbersJob's chunk of 21 to 30 loses its connection, once: its commit is lost,
	 * or only the commit's answer.
	 */
	enum ConnectionLoss {

		BEFORE_COMMIT, AFTER_COMMIT

	}

	static final AtomicReference<ConnectionLoss> connectionLoss = new AtomicReference<>();

	private static Connection settlementBlocker;

	@Bean
	Job flakyJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return new JobBuilder("flakyJob", jobRepository)
			.start(new StepBuilder("flakyStep", jobRepository).tasklet((contribution, context) -> {
				if (failing.get()) {
					throw new IllegalStateException("the test database is down (simulated)");
				}
				contribution.incrementWriteCount(3);
				return RepeatStatus.FINISHED;
			}, transactionManager).build())
			.build();
	}

	@Bean
	Job slowJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return new JobBuilder("slowJob", jobRepository)
			.start(new StepBuilder("slowStep", jobRepository).tasklet((contribution, context) -> {
				Thread.sleep(20);
				contribution.incrementWriteCount(1);
				return context.getStepContext().getStepExecution().getWriteCount() < 3000 ? RepeatStatus.CONTINUABLE
						: RepeatStatus.FINISHED;
			}, transactionManager).build())
			.build();
	}

	/**
	 * numbersJob: copies 1 to 50 into {@code test_number}, ten a chunk. While
	 * {@link #connectionLoss} is set, the connection of the chunk of 21 to 30 is lost as
	 * it commits, after the step saved its position.
	 */
	@Bean
	Job numbersJob(JobRepository jobRepository, Step copyNumbers) {
		return new JobBuilder("numbersJob", jobRepository).start(copyNumbers).build();
	}

	// a bean, so that it resumes after a transient fault as every step of the application
	// does
	@Bean
	Step copyNumbers(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		AbstractItemCountingItemStreamItemReader<Integer> numbers = new AbstractItemCountingItemStreamItemReader<>() {
			@Override
			protected Integer doRead() {
				return (getCurrentItemCount() <= 50) ? getCurrentItemCount() : null;
			}

			@Override
			protected void doOpen() {
			}

			@Override
			protected void doClose() {
			}
		};
		numbers.setName("numbers");
		return new StepBuilder("copyNumbers", jobRepository).<Integer, Integer>chunk(10)
			.reader(numbers)
			.writer(chunk -> {
				jdbc.batchUpdate("INSERT INTO test_number (n) VALUES (?)", chunk.getItems(), 10,
						(statement, n) -> statement.setInt(1, n));
				ConnectionLoss loss = chunk.getItems().contains(21) ? connectionLoss.getAndSet(null) : null;
				if (loss != null) {
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
						@Override
						public void beforeCommit(boolean readOnly) {
							if (loss == ConnectionLoss.AFTER_COMMIT) {
								jdbc.execute("COMMIT"); // done, as a server that goes
														// down before it answers
							}
							jdbc.execute("SELECT pg_terminate_backend(pg_backend_pid())");
						}
					});
				}
			})
			.transactionManager(transactionManager)
			.build();
	}

	/**
	 * Holds the real settlement job in its first step: a transaction locks the table it
	 * reads first.
	 */
	static synchronized void holdSettlement(DataSource dataSource) throws SQLException {
		settlementBlocker = dataSource.getConnection();
		settlementBlocker.setAutoCommit(false);
		try (Statement statement = settlementBlocker.createStatement()) {
			statement.execute("LOCK TABLE family_binding IN ACCESS EXCLUSIVE MODE");
		}
	}

	static synchronized void releaseSettlement() throws SQLException {
		if (settlementBlocker != null) {
			settlementBlocker.rollback();
			settlementBlocker.close();
			settlementBlocker = null;
		}
	}

	/**
	 * Leaves an execution of {@code job} STARTED with a running step, as a killed JVM
	 * does.
	 */
	static JobExecution crashedExecution(JobRepository jobRepository, JdbcTemplate jdbc, String job, String step,
			long ownerPid, String ownerHost) {
		JobParameters parameters = new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters();
		JobInstance instance = jobRepository.createJobInstance(job, parameters);
		JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(LocalDateTime.now().minusMinutes(5));
		jobRepository.update(execution);
		StepExecution stepExecution = jobRepository.createStepExecution(step, execution);
		stepExecution.setStatus(BatchStatus.STARTED);
		stepExecution.setStartTime(LocalDateTime.now().minusMinutes(5));
		stepExecution.setReadCount(729);
		jobRepository.update(stepExecution);
		// created on a medclaims connection, the execution names this process as owner
		// (R__job_execution_owner.sql): a test says who else
		jdbc.update("DELETE FROM job_execution_owner WHERE job_execution_id = ?", execution.getId());
		if (ownerPid > 0) {
			jdbc.update(
					"INSERT INTO job_execution_owner (job_execution_id, host, pid, command) VALUES (?, ?, ?, 'serve')",
					execution.getId(), ownerHost, ownerPid);
		}
		return execution;
	}

	/** The pid of a process that has ended. */
	static long deadPid() throws Exception {
		Process process = new ProcessBuilder("true").start();
		process.waitFor();
		long pid = process.pid();
		while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			Thread.onSpinWait();
		}
		return pid;
	}

}
