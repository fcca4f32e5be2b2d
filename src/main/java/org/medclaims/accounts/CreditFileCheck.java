package org.medclaims.accounts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medclaims.accounts.AccountLedger.CreditKey;
import org.medclaims.policy.AccountCredit;
import org.medclaims.policy.Money;
import org.medclaims.system.PersonIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * checkCredits: reads the whole credits file before anything is credited, so that a file
 * with any bad row changes nothing (accounts.md). Each bad row is one
 * {@code file:line: reason}, the person ID masked as in logs; the step then exits
 * {@code INVALID} and the job ends without crediting.
 */
class CreditFileCheck implements Tasklet {

	static final String INVALID = "INVALID";

	static final String PROBLEMS_KEY = "problems";

	private static final Logger log = LoggerFactory.getLogger(CreditFileCheck.class);

	private static final int BATCH = 1000;

	// the first ones are what an operator reads; the count says how many more
	private static final int MAX_REPORTED = 1000;

	private final AccountLedger ledger;

	CreditFileCheck(AccountLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		Path file = Path.of(chunkContext.getStepContext()
			.getStepExecution()
			.getJobParameters()
			.getString(AccountCreditJobConfiguration.FILE));
		Check check = new Check(file.getFileName().toString());
		try (CreditFile credits = CreditFile.open(file)) {
			List<CreditFile.Row> batch = new ArrayList<>(BATCH);
			for (CreditFile.Row row = credits.next(); row != null; row = credits.next()) {
				contribution.incrementReadCount();
				batch.add(row);
				if (batch.size() == BATCH) {
					check.rows(batch);
					batch.clear();
				}
			}
			check.rows(batch);
		}
		catch (CreditFile.Unreadable ex) {
			check.problem(ex.getMessage());
		}
		if (check.problems.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		check.problems.forEach(p -> log.warn("Bad credit row {}", p));
		List<String> reported = new ArrayList<>(check.problems);
		if (check.count > reported.size()) {
			reported.add(check.name + ": and " + (check.count - reported.size()) + " more bad rows");
		}
		chunkContext.getStepContext().getStepExecution().getExecutionContext().put(PROBLEMS_KEY, reported);
		contribution.setExitStatus(new ExitStatus(INVALID, check.name + " not imported, nothing credited: "
				+ check.count + " bad row(s), first: " + check.problems.get(0)));
		return RepeatStatus.FINISHED;
	}

	/** The problems found so far, and what earlier rows of the file credit. */
	private final class Check {

		final String name;

		final List<String> problems = new ArrayList<>();

		long count;

		// person and month -> {line, fen} of the first row crediting it
		final Map<CreditKey, long[]> inFile = new HashMap<>();

		Check(String name) {
			this.name = name;
		}

		void rows(List<CreditFile.Row> rows) {
			List<CreditFile.Row> valid = rows.stream().filter(r -> r.credit() != null).toList();
			Set<String> registered = CreditFileCheck.this.ledger
				.registered(valid.stream().map(r -> r.credit().personId()).distinct().toList());
			Map<CreditKey, Money> credited = CreditFileCheck.this.ledger
				.credited(valid.stream().map(r -> key(r.credit())).distinct().toList());
			for (CreditFile.Row row : rows) {
				List<String> reasons = new ArrayList<>(row.problems());
				AccountCredit credit = row.credit();
				if (credit != null) {
					String who = PersonIds.mask(credit.personId());
					if (!registered.contains(credit.personId())) {
						reasons.add(who + " is not in the registry (persons.csv): only an insured person's account is"
								+ " credited, not a bound relative's");
					}
					CreditKey key = key(credit);
					Money before = credited.get(key);
					long[] earlier = this.inFile.putIfAbsent(key, new long[] { row.line(), credit.amount().fen() });
					if (before != null && !before.equals(credit.amount())) {
						reasons.add(who + " was already credited " + before + " for " + credit.month());
					}
					else if (earlier != null && earlier[1] != credit.amount().fen()) {
						reasons.add(who + " was already credited " + Money.ofFen(earlier[1]) + " for " + credit.month()
								+ " on line " + earlier[0] + " of this file");
					}
				}
				if (!reasons.isEmpty()) {
					problem(this.name + ":" + row.line() + ": " + String.join("; ", reasons));
				}
			}
		}

		void problem(String problem) {
			this.count++;
			if (this.problems.size() < MAX_REPORTED) {
				this.problems.add(problem);
			}
		}

	}

	private static CreditKey key(AccountCredit credit) {
		return new CreditKey(credit.personId(), credit.month());
	}

}
