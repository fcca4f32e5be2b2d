package org.medclaims.intake;

import java.util.Comparator;
import java.util.List;

import org.medclaims.claims.Arrival;
import org.medclaims.claims.ClaimFiles;
import org.medclaims.claims.ClaimStaging;
import org.medclaims.operations.PartitionHeartbeat;
import org.medclaims.policy.PolicyBook;
import org.medclaims.system.OperatorMessages;
import org.medclaims.system.TransactionConfiguration;
import org.medclaims.workers.RemotePartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * claimIntakeJob, one instance per batch of arrivals ({@code batch} identifying):
 * takeFiles runs one partition per file, takeFile, which validates and stages the file in
 * one reading and decides it with its last claims. A hospital's files go one after
 * another, hospitals in parallel on {@code medclaims.intake.threads}. A rejected file is
 * a business outcome: its partition completes with exit status {@code REJECTED}.
 */
@Configuration(proxyBeanMethods = false)
class ClaimIntakeJobConfiguration {

	static final String JOB_NAME = "claimIntakeJob";

	static final String BATCH = "batch";

	static final String FILES = "files";

	static final String FILE_STEP = "takeFile";

	private static final Logger log = LoggerFactory.getLogger(ClaimIntakeJobConfiguration.class);

	@Bean
	Job claimIntakeJob(JobRepository jobRepository, Step takeFiles, ApplicationEventPublisher events,
			ClaimFiles claimFiles) {
		return new JobBuilder(JOB_NAME, jobRepository).start(takeFiles)
			.listener(new BatchOutcome(events, claimFiles))
			.build();
	}

	/**
	 * On local threads, or, with medclaims.workers.enabled, on worker processes
	 * (ArrivalPartitioner.REQUEST_ORDER).
	 */
	@Bean
	Step takeFiles(JobRepository jobRepository, ArrivalPartitioner arrivalPartitioner, Step takeFile,
			ThreadPoolTaskExecutor intakeTaskExecutor, ObjectProvider<RemotePartitions> remote) {
		RemotePartitions workers = remote.getIfAvailable();
		if (workers != null) {
			return workers.managerStep("takeFiles", FILE_STEP, arrivalPartitioner, 1,
					Comparator.comparing(StepExecution::getExecutionContext, ArrivalPartitioner.REQUEST_ORDER));
		}
		return new StepBuilder("takeFiles", jobRepository).partitioner(FILE_STEP, arrivalPartitioner)
			.partitionHandler(new HospitalOrderPartitionHandler(takeFile, intakeTaskExecutor))
			.build();
	}

	/**
	 * Its chunks commit without waiting for the disk; the file's decision waits
	 * (FileDecision).
	 */
	@Bean
	Step takeFile(JobRepository jobRepository,
			@Qualifier(TransactionConfiguration.BOOKKEEPING) PlatformTransactionManager transactionManager,
			IntakeProperties properties, ClaimFileIntakeReader claimFileReader, ClaimCheckProcessor claimCheckProcessor,
			ClaimStagingWriter claimStagingWriter, FileTurn fileTurn, StagingProgress stagingProgress,
			PartitionHeartbeat partitionHeartbeat) {
		return new StepBuilder(FILE_STEP, jobRepository).<IntakeItem, IntakeItem>chunk(properties.chunkSize())
			.reader(claimFileReader)
			.processor(claimCheckProcessor)
			.writer(claimStagingWriter)
			.listener(partitionHeartbeat)
			.listener(fileTurn)
			.listener(stagingProgress)
			.transactionManager(transactionManager)
			.build();
	}

	/**
	 * The threads the files run on: a hospital's files one after another, hospitals in
	 * parallel.
	 */
	@Bean
	ThreadPoolTaskExecutor intakeTaskExecutor(IntakeProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.threadCount());
		executor.setMaxPoolSize(properties.threadCount());
		executor.setThreadNamePrefix("intake-");
		return executor;
	}

	@Bean
	@StepScope
	ArrivalPartitioner arrivalPartitioner(@Value("#{jobParameters['batch']}") long batchId, ClaimFiles claimFiles) {
		return new ArrivalPartitioner(claimFiles.ofBatch(batchId));
	}

	/**
	 * The claim file a partition takes in, read once for its reader, processor and writer
	 * (a record: not proxied, asked for by step-scoped beans inside the step).
	 */
	@Bean
	@Scope(scopeName = "step", proxyMode = ScopedProxyMode.NO)
	Arrival partitionArrival(@Value("#{stepExecutionContext['arrival.id']}") long arrivalId, ClaimFiles claimFiles) {
		return claimFiles.find(arrivalId);
	}

	@Bean
	@StepScope
	ClaimFileIntakeReader claimFileReader(Arrival partitionArrival, ClaimFiles claimFiles,
			RegistryHospitals hospitals) {
		return new ClaimFileIntakeReader(partitionArrival, claimFiles, hospitals);
	}

	@Bean
	@StepScope
	ClaimCheckProcessor claimCheckProcessor(Arrival partitionArrival, PolicyBook policyBook) {
		return new ClaimCheckProcessor(partitionArrival.fileDate(), policyBook.earliestEffectiveDate());
	}

	@Bean
	@StepScope
	ClaimStagingWriter claimStagingWriter(Arrival partitionArrival, JdbcTemplate jdbc, ClaimStaging staging,
			@Qualifier(TransactionConfiguration.BOOKKEEPING) PlatformTransactionManager transactionManager,
			FileDecision fileDecision) {
		return new ClaimStagingWriter(jdbc, staging, transactionManager, partitionArrival, fileDecision);
	}

	@Bean
	@StepScope
	FileTurn fileTurn(@Value("#{stepExecutionContext['arrival.id']}") long arrivalId, ClaimFiles claimFiles,
			JobRepository jobRepository) {
		return new FileTurn(claimFiles, arrivalId, jobRepository);
	}

	@Bean
	@StepScope
	StagingProgress stagingProgress(@Value("#{stepExecutionContext['file']}") String fileName,
			IntakeProperties properties) {
		return new StagingProgress(properties.progressEvery(), fileName);
	}

	/**
	 * Says what the batch did (files accepted, rejected, failed) in its exit description,
	 * in the operator's words when a file failed, and tells the application (settlement
	 * follows in demo mode).
	 */
	static final class BatchOutcome implements JobExecutionListener {

		private final ApplicationEventPublisher events;

		private final ClaimFiles claimFiles;

		BatchOutcome(ApplicationEventPublisher events, ClaimFiles claimFiles) {
			this.events = events;
			this.claimFiles = claimFiles;
		}

		@Override
		public void afterJob(JobExecution execution) {
			Long batchId = execution.getJobParameters().getLong(BATCH);
			try {
				List<Arrival> files = this.claimFiles.ofBatch(batchId);
				long accepted = files.stream().filter(a -> a.status() == Arrival.Status.ACCEPTED).count();
				long rejected = files.stream().filter(a -> a.status() == Arrival.Status.REJECTED).count();
				String outcome = files.size() + " file(s): " + accepted + " accepted, " + rejected + " rejected, "
						+ (files.size() - accepted - rejected) + " not decided";
				// a rejected file is its own partition's outcome (REJECTED): the batch
				// completed
				ExitStatus exit = (execution.getStatus() == BatchStatus.COMPLETED)
						? new ExitStatus("COMPLETED", outcome) : execution.getExitStatus().addExitDescription(outcome);
				if (execution.getStatus() == BatchStatus.FAILED) {
					exit = OperatorMessages.firstFailure(execution)
						.map(failure -> new ExitStatus("FAILED", OperatorMessages.describe(failure) + "; " + outcome))
						.orElse(exit);
				}
				execution.setExitStatus(exit);
				this.events.publishEvent(new ClaimFilesProcessed(batchId, files.size(), accepted, rejected,
						execution.getStatus() == BatchStatus.COMPLETED));
			}
			catch (RuntimeException ex) {
				log.error("Intake of batch {} ended {}, but telling the application failed: {}", batchId,
						execution.getStatus(), ex.getMessage(), ex);
			}
		}

	}

}
