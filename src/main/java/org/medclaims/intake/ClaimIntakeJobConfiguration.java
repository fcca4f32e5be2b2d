package org.medclaims.intake;

import java.nio.charset.Charset;

import org.medclaims.intake.format.ParsedClaim;
import org.medclaims.policy.PolicyBook;
import org.medclaims.system.MedclaimsProperties;
import org.medclaims.system.OperatorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * claimIntakeJob, one instance per file arrival ({@code arrival.id} and {@code sha256}
 * identifying, {@code file} for people): validateFile, then stageClaims and acceptFile; a file
 * rejected by validateFile ends the job COMPLETED with exit status {@code REJECTED}.
 */
@Configuration(proxyBeanMethods = false)
class ClaimIntakeJobConfiguration {

	static final String JOB_NAME = "claimIntakeJob";

	static final String ARRIVAL_ID = "arrival.id";

	static final String SHA256 = "sha256";

	static final String FILE = "file";

	private static final Logger log = LoggerFactory.getLogger(ClaimIntakeJobConfiguration.class);

	@Bean
	Job claimIntakeJob(JobRepository jobRepository, Step validateFile, Step stageClaims, Step acceptFile,
			ApplicationEventPublisher events, Arrivals arrivals) {
		return new JobBuilder(JOB_NAME, jobRepository).start(validateFile)
			.on(FileValidationStep.REJECTED)
			.end(FileValidationStep.REJECTED)
			.from(validateFile)
			.on("COMPLETED")
			.to(stageClaims)
			.next(acceptFile)
			.from(validateFile)
			.on("*")
			.fail()
			.end()
			.listener(new ProcessedEvents(events, arrivals))
			.build();
	}

	@Bean
	Step validateFile(JobRepository jobRepository, PlatformTransactionManager transactionManager, Arrivals arrivals,
			RegistryHospitals hospitals, MedclaimsProperties folders) {
		return new StepBuilder("validateFile", jobRepository)
			.tasklet(new FileValidationStep(arrivals, hospitals, folders), transactionManager)
			.build();
	}

	@Bean
	Step stageClaims(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IntakeProperties properties, ClaimFileItemReader claimFileReader, ClaimCheckProcessor claimCheckProcessor,
			ClaimStagingWriter claimStagingWriter, StagingProgress stagingProgress) {
		return new StepBuilder("stageClaims", jobRepository).<ParsedClaim, StagedClaim>chunk(properties.chunkSize())
			.reader(claimFileReader)
			.processor(claimCheckProcessor)
			.writer(claimStagingWriter)
			.listener(stagingProgress)
			.transactionManager(transactionManager)
			.build();
	}

	@Bean
	Step acceptFile(JobRepository jobRepository, PlatformTransactionManager transactionManager, Arrivals arrivals,
			MedclaimsProperties folders) {
		return new StepBuilder("acceptFile", jobRepository)
			.tasklet(new FileAcceptanceStep(arrivals, folders), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	ClaimFileItemReader claimFileReader(@Value("#{jobParameters['arrival.id']}") Long arrivalId, Arrivals arrivals) {
		Arrival arrival = arrivals.find(arrivalId);
		return new ClaimFileItemReader("claimFileReader", arrival.localPath(), Charset.forName(arrival.charset()),
				arrival.sha256());
	}

	@Bean
	@StepScope
	ClaimCheckProcessor claimCheckProcessor(@Value("#{jobParameters['arrival.id']}") Long arrivalId,
			Arrivals arrivals, PolicyBook policyBook) {
		return new ClaimCheckProcessor(arrivals.find(arrivalId).fileDate(), policyBook.earliestEffectiveDate());
	}

	@Bean
	@StepScope
	ClaimStagingWriter claimStagingWriter(@Value("#{jobParameters['arrival.id']}") Long arrivalId, Arrivals arrivals,
			JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		return new ClaimStagingWriter(jdbc, transactionManager, arrivalId, arrivals.find(arrivalId).hospitalCode());
	}

	@Bean
	@StepScope
	StagingProgress stagingProgress(@Value("#{jobParameters['arrival.id']}") Long arrivalId, Arrivals arrivals,
			IntakeProperties properties) {
		Arrival arrival = arrivals.find(arrivalId);
		return new StagingProgress(properties.progressEvery(), arrival.fileName(), arrivals.claimCount(arrivalId));
	}

	static long arrivalId(StepExecution stepExecution) {
		Long id = stepExecution.getJobParameters().getLong(ARRIVAL_ID);
		if (id == null) {
			throw new IllegalArgumentException("claimIntakeJob needs the job parameter " + ARRIVAL_ID + ".");
		}
		return id;
	}

	// a failed intake's exit description says why, in the operator's words, for 'jobs' and the dashboard
	private static void describeFailure(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.FAILED) {
			return;
		}
		execution.getStepExecutions()
			.stream()
			.flatMap(s -> s.getFailureExceptions().stream())
			.findFirst()
			.ifPresent(failure -> execution.setExitStatus(execution.getExitStatus()
				.addExitDescription(OperatorMessages.describe(failure))));
	}

	/** Tells the application about every finished intake (settlement follows it in demo mode). */
	static final class ProcessedEvents implements JobExecutionListener {

		private final ApplicationEventPublisher events;

		private final Arrivals arrivals;

		ProcessedEvents(ApplicationEventPublisher events, Arrivals arrivals) {
			this.events = events;
			this.arrivals = arrivals;
		}

		@Override
		public void afterJob(JobExecution execution) {
			Long arrivalId = execution.getJobParameters().getLong(ARRIVAL_ID);
			describeFailure(execution);
			try {
				Arrival arrival = this.arrivals.find(arrivalId);
				this.events.publishEvent(new ClaimFileProcessed(arrivalId, arrival.fileName(), arrival.hospitalCode(),
						execution.getExitStatus().getExitCode()));
			}
			catch (RuntimeException ex) {
				log.error("Intake of arrival {} ended {}, but telling the application failed: {}", arrivalId,
						execution.getExitStatus().getExitCode(), ex.getMessage(), ex);
			}
		}

	}

}
