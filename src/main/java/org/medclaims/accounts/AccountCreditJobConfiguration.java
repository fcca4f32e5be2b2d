package org.medclaims.accounts;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.medclaims.policy.AccountCredit;
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
import org.springframework.transaction.PlatformTransactionManager;

/**
 * accountCreditJob: one credits file (accounts.md). checkCredits reads it all first: a
 * file with a bad row ends COMPLETED with exit status INVALID and credits nothing.
 * creditAccounts then credits it in chunks, each in one transaction with the reader's
 * position, so a restart goes on where the last commit ended; a person and month already
 * credited with the same amount changes nothing, so even a second import of the file is
 * harmless. Parameters: {@code file} and its {@code sha256}, both identifying.
 */
@Configuration(proxyBeanMethods = false)
class AccountCreditJobConfiguration {

	static final String JOB_NAME = "accountCreditJob";

	static final String FILE = "file";

	static final String SHA256 = "sha256";

	static final String CHECK_STEP = "checkCredits";

	static final String CREDIT_STEP = "creditAccounts";

	@Bean
	Job accountCreditJob(JobRepository jobRepository, Step checkCredits, Step creditAccounts, DataSource dataSource) {
		return new JobBuilder(JOB_NAME, jobRepository).start(checkCredits)
			.on(CreditFileCheck.INVALID)
			.end(CreditFileCheck.INVALID)
			.from(checkCredits)
			.on("*")
			.to(creditAccounts)
			.end()
			.listener(new ExclusiveRuns(dataSource,
					"A settlement run, a rollover or another import is in progress and"
							+ " they run one at a time: wait for it to end, then import the credits again."))
			.listener(new CreditResult())
			.build();
	}

	@Bean
	Step checkCredits(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AccountLedger ledger) {
		return new StepBuilder(CHECK_STEP, jobRepository).tasklet(new CreditFileCheck(ledger), transactionManager)
			.build();
	}

	@Bean
	Step creditAccounts(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CreditFileItemReader creditFileReader, CreditWriter creditWriter, AccountsProperties properties) {
		return new StepBuilder(CREDIT_STEP, jobRepository)
			.<AccountCredit, AccountCredit>chunk(properties.accounts().chunkSize())
			.reader(creditFileReader)
			.writer(creditWriter)
			.transactionManager(transactionManager)
			.build();
	}

	@Bean
	@StepScope
	CreditFileItemReader creditFileReader(@Value("#{jobParameters['file']}") String file,
			@Value("#{jobParameters['sha256']}") String sha256) {
		return new CreditFileItemReader("creditFileReader", Path.of(file), sha256);
	}

	@Bean
	@StepScope
	CreditWriter creditWriter(AccountLedger ledger, AccountBalances balances, RolloverRecords rollovers, Clock clock) {
		return new CreditWriter(ledger, balances, rollovers, clock);
	}

}
