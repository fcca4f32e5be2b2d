package org.medclaims.accounts;

import java.time.Clock;

import javax.sql.DataSource;

import org.medclaims.operations.ProgressLogger;
import org.medclaims.system.ExclusiveRuns;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * rolloverJob (年终结转), one instance per {@code year}: beginRollover refuses a year done or
 * out of order and records the start; rollOverPersons goes through every person in
 * person-ID order, chunk by chunk, each chunk's entries, balances, counts and reader
 * position in one transaction, so a restart goes on with the next person and nobody is
 * rolled over twice; finishRollover records the end.
 */
@Configuration(proxyBeanMethods = false)
class RolloverJobConfiguration {

	static final String JOB_NAME = "rolloverJob";

	static final String YEAR = "year";

	// persons between two progress lines
	private static final long PROGRESS_EVERY = 50_000;

	@Bean
	Job rolloverJob(JobRepository jobRepository, Step beginRollover, Step rollOverPersons, Step finishRollover,
			DataSource dataSource, RolloverRecords records) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(new ExclusiveRuns(dataSource,
				"A settlement run, a credit or reference import or another rollover is in progress and they run one at a"
						+ " time: wait for it to end, then roll over again."))
			.listener(new RolloverSteps.Result(records))
			.start(beginRollover)
			.next(rollOverPersons)
			.next(finishRollover)
			.build();
	}

	@Bean
	Step beginRollover(JobRepository jobRepository, PlatformTransactionManager transactionManager, RolloverRules rules,
			RolloverRecords records, Clock clock) {
		return new StepBuilder("beginRollover", jobRepository)
			.tasklet(new RolloverSteps.Begin(rules, records, clock), transactionManager)
			.build();
	}

	@Bean
	Step rollOverPersons(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PersonIdReader rolloverPersonReader, RolloverWriter rolloverWriter, AccountsProperties properties,
			RolloverRecords records, JdbcTemplate jdbc) {
		return new StepBuilder("rollOverPersons", jobRepository)
			.<String, String>chunk(properties.accounts().chunkSize())
			.reader(rolloverPersonReader)
			.writer(rolloverWriter)
			.transactionManager(transactionManager)
			.listener(new ProgressLogger(PROGRESS_EVERY, records::persons, jdbc))
			.build();
	}

	@Bean
	Step finishRollover(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RolloverRecords records, Clock clock) {
		return new StepBuilder("finishRollover", jobRepository)
			.tasklet(new RolloverSteps.Finish(records, clock), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	PersonIdReader rolloverPersonReader(RolloverRecords records, AccountsProperties properties) {
		return new PersonIdReader("rolloverPersonReader", records, properties.accounts().chunkSize());
	}

	@Bean
	@StepScope
	RolloverWriter rolloverWriter(@Value("#{jobParameters['year']}") Long year, AccountLedger ledger,
			AccountBalances balances, RolloverRecords records, Clock clock) {
		return new RolloverWriter(Math.toIntExact(year), ledger, balances, records, clock);
	}

}
