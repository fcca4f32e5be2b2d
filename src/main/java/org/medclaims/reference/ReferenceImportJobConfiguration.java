package org.medclaims.reference;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.medclaims.system.ExclusiveRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * referenceImportJob: one step per reference file, in dependency order (persons before
 * the bindings that name them). A file with a bad row is not imported and the job ends
 * COMPLETED with exit status INVALID; a fault (database down) fails it, and a restart
 * resumes at the failed file.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceImportJobConfiguration {

	static final String JOB_NAME = "referenceImportJob";

	@Bean
	Job referenceImportJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, DataSource dataSource) {
		List<Supplier<ReferenceTable<?>>> tables = List.of(HospitalTable::new, SpecialDiseaseTable::new,
				CatalogTable::new, PersonTable::new, FamilyBindingTable::new, CertificationTable::new);
		JobBuilder builder = new JobBuilder(JOB_NAME, jobRepository);
		var flow = builder.start(step(tables.get(0), jobRepository, transactionManager, jdbc));
		for (Supplier<ReferenceTable<?>> table : tables.subList(1, tables.size())) {
			flow = flow.next(step(table, jobRepository, transactionManager, jdbc));
		}
		return flow.listener(new InvalidFilesListener())
			.listener(new ExclusiveRuns(dataSource,
					"A settlement run, a credit import, a rollover or another reference import is in progress:"
							+ " the registry does not change under a settlement run. Wait for it to end, then try again."))
			.build();
	}

	private static Step step(Supplier<ReferenceTable<?>> table, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		String file = table.get().fileName();
		return new StepBuilder("import " + file, jobRepository)
			.tasklet(new ReferenceFileImport(table, jdbc), transactionManager)
			.allowStartIfComplete(false)
			.build();
	}

	/** A job whose files were not all imported says so in its exit status. */
	static final class InvalidFilesListener implements JobExecutionListener {

		@Override
		public void afterJob(JobExecution jobExecution) {
			if (jobExecution.getStatus() != BatchStatus.COMPLETED) {
				return;
			}
			List<String> invalid = jobExecution.getStepExecutions()
				.stream()
				.map(StepExecution::getExitStatus)
				.filter(s -> ReferenceFileImport.INVALID.equals(s.getExitCode()))
				.map(ExitStatus::getExitDescription)
				.toList();
			// an absent file is no failure: the step's own exit code must not become the
			// job's
			jobExecution.setExitStatus(invalid.isEmpty() ? ExitStatus.COMPLETED
					: new ExitStatus(ReferenceFileImport.INVALID, String.join(" | ", invalid)));
		}

	}

}
