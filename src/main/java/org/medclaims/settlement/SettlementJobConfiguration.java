package org.medclaims.settlement;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.medclaims.accounts.HouseholdAccounts;
import org.medclaims.claims.DueResponses;
import org.medclaims.claims.WaitingClaims;
import org.medclaims.operations.PartitionHeartbeat;
import org.medclaims.operations.ProgressLogger;
import org.medclaims.policy.ClaimValuer;
import org.medclaims.system.ExclusiveRuns;
import org.medclaims.system.MedclaimsProperties;
import org.medclaims.system.TransactionConfiguration;
import org.medclaims.workers.RemotePartitions;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * settlementJob: group households, settle them (chunked; partitioned by household, each
 * partition on a thread of its own, or on worker processes with
 * {@code medclaims.workers.enabled}), write the responses. Waiting claims carry status
 * RECEIVED until the writer's transaction makes them final, so a restarted run settles
 * what is left and nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class SettlementJobConfiguration {

	static final String JOB_NAME = "settlementJob";

	// households between two progress lines
	private static final long PROGRESS_EVERY = 20_000;

	@Bean
	Job settlementJob(JobRepository jobRepository, Step groupHouseholds, Step settleHouseholds, Step writeResponses,
			DataSource dataSource) {
		return new JobBuilder(JOB_NAME, jobRepository)
			.listener(new ExclusiveRuns(dataSource,
					"Another settlement run, a reference or credit import or a rollover is in progress and they run one"
							+ " at a time:" + " wait for it to end, then settle again."))
			.start(groupHouseholds)
			.next(settleHouseholds)
			.next(writeResponses)
			.build();
	}

	@Bean
	HouseholdGrouping householdGrouping(JdbcTemplate jdbc, WaitingClaims waitingClaims) {
		return new HouseholdGrouping(jdbc, waitingClaims);
	}

	@Bean
	Step groupHouseholds(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			HouseholdGrouping householdGrouping) {
		// not again on a restart: it finishes the files and households its run grouped,
		// as if never interrupted;
		// files accepted since wait for the next run (SettlementLauncher starts one)
		return new StepBuilder("groupHouseholds", jobRepository).tasklet(householdGrouping, transactionManager).build();
	}

	/**
	 * On local threads, or, with medclaims.workers.enabled, on worker processes
	 * (medclaims.workers.partitions).
	 */
	@Bean
	Step settleHouseholds(JobRepository jobRepository, Step settleHouseholdPartition, SettlementProperties settings,
			ObjectProvider<RemotePartitions> remote) {
		RemotePartitions workers = remote.getIfAvailable();
		if (workers != null) {
			return workers.managerStep("settleHouseholds", "settleHouseholdPartition",
					SettlementJobConfiguration::householdPartitions, workers.gridSize(),
					Comparator.comparingInt(s -> s.getExecutionContext().getInt("partition")));
		}
		if (settings.partitions() == 1) {
			return settleHouseholdPartition;
		}
		return new StepBuilder("settleHouseholds", jobRepository)
			.partitioner("settleHouseholdPartition", SettlementJobConfiguration::householdPartitions)
			.step(settleHouseholdPartition)
			.gridSize(settings.partitions())
			.taskExecutor(new SimpleAsyncTaskExecutor("settle-"))
			.build();
	}

	/**
	 * Its chunks commit without waiting for the disk: no one outside sees a settlement
	 * before the responses, whose commits wait (and a chunk lost in a server crash is
	 * settled again the same).
	 */
	@Bean
	Step settleHouseholdPartition(JobRepository jobRepository,
			@Qualifier(TransactionConfiguration.BOOKKEEPING) PlatformTransactionManager transactionManager,
			HouseholdReader householdReader, HouseholdSettlementWriter householdSettlementWriter,
			SettlementProperties settings, JdbcTemplate jdbc, PartitionHeartbeat partitionHeartbeat,
			WaitingClaims waitingClaims) {
		return new StepBuilder("settleHouseholdPartition", jobRepository)
			.<Household, Household>chunk(settings.chunkSize())
			.reader(householdReader)
			.writer(householdSettlementWriter)
			.transactionManager(transactionManager)
			.listener(partitionHeartbeat)
			.listener(new ProgressLogger(PROGRESS_EVERY,
					() -> settings.partitions() > 1 ? -1 : waitingClaims.households(), jdbc))
			.build();
	}

	@Bean
	@StepScope
	HouseholdReader householdReader(WaitingClaims waitingClaims,
			@Value("#{stepExecutionContext['partitions'] ?: 1}") int partitions,
			@Value("#{stepExecutionContext['partition'] ?: 0}") int partition) {
		return new HouseholdReader(waitingClaims, partitions, partition);
	}

	// each settlement records the execution that wrote it: a run's money and claims are
	// read from there
	@Bean
	@StepScope
	HouseholdSettlementWriter householdSettlementWriter(HouseholdAccounts accounts, SettlementRecorder recorder,
			ClaimValuer valuer, Clock clock, @Value("#{stepExecution.jobExecutionId}") long run) {
		return new HouseholdSettlementWriter(accounts, recorder, valuer, clock, run);
	}

	/**
	 * One response per transaction: a response on disk is one recorded, or one written
	 * again the same.
	 */
	@Bean
	Step writeResponses(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DueResponseReader dueResponseReader, ResponseWriter responseWriter) {
		return new StepBuilder("writeResponses", jobRepository).<DueResponse, DueResponse>chunk(1)
			.reader(dueResponseReader)
			.writer(responseWriter)
			.listener(responseWriter)
			.transactionManager(transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	@StepScope
	DueResponseReader dueResponseReader(DueResponses dueResponses) {
		return new DueResponseReader(dueResponses);
	}

	@Bean
	ResponseWriter responseWriter(JdbcTemplate jdbc, DueResponses dueResponses, MedclaimsProperties folders,
			PlatformTransactionManager transactionManager) {
		return new ResponseWriter(jdbc, dueResponses, folders, transactionManager);
	}

	// the grid size, not the setting: a restart gets the size its first execution saved,
	// so a setting changed
	// between a crash and its restart neither runs households twice nor leaves a
	// partition out
	static Map<String, ExecutionContext> householdPartitions(int gridSize) {
		Map<String, ExecutionContext> contexts = new HashMap<>();
		for (int i = 0; i < gridSize; i++) {
			ExecutionContext context = new ExecutionContext();
			context.putInt("partitions", gridSize);
			context.putInt("partition", i);
			contexts.put("households" + i, context);
		}
		return contexts;
	}

}
