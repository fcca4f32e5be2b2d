package org.medclaims.accounts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.CreditFiles;
import org.medclaims.TestRegistry;
import org.medclaims.system.PersonIds;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.medclaims.TestRegistry.B_PATIENT;
import static org.medclaims.TestRegistry.CHILD;
import static org.medclaims.TestRegistry.D_PATIENT;
import static org.medclaims.TestRegistry.MOTHER;
import static org.medclaims.CreditFiles.row;

/**
 * accounts.md, account credits: every rule and bad row, idempotence, restarts, and
 * credits after a rollover.
 */
@SpringBootTest(properties = "medclaims.accounts.chunk-size=2")
class AccountCreditJobTests {

	@Autowired
	AccountCredits credits;

	@Autowired
	YearEndRollover rollover;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	CreditAccountsCommand command;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${medclaims.test-data-dir}")
	Path data;

	Path dir;

	@BeforeEach
	void registryOfTheWorkedExamples() {
		TestRegistry.workedExamples(this.jdbc);
		TestRegistry.forgetJobs(this.jdbc);
		this.dir = this.data.resolve("credits-" + System.nanoTime());
	}

	@Test
	void creditsTheCurrentYearAccountOncePerPersonAndMonth() throws Exception {
		Path file = CreditFiles.write(this.dir, "2014-01.csv", row(A_PATIENT, "2014-01", "152.40"),
				row(B_PATIENT, "2014-01", "100.00"), row(A_PATIENT, "2014-02", "10.00"));

		AccountCredits.Outcome outcome = this.credits.importFile(file);

		assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
		assertThat(outcome.execution().getExitStatus().getExitDescription())
			.isEqualTo("Credited 3 person-months, 262.40 in all; 0 rows were credited already.");
		assertThat(balances(A_PATIENT)).containsExactly(20000L + 15240 + 1000, 500000L);
		assertThat(balances(B_PATIENT)).containsExactly(10000L, 10000L);
		assertThat(this.jdbc.queryForList(
				"""
						SELECT person_id || ' ' || to_char(month, 'YYYY-MM') || ' ' || direction || ' ' || account || ' ' || amount
						FROM ledger_entry WHERE kind = 'CREDIT' AND claim_id IS NULL ORDER BY person_id, month
						""",
				String.class))
			.containsExactlyInAnyOrder(A_PATIENT + " 2014-01 IN CURRENT 15240", A_PATIENT + " 2014-02 IN CURRENT 1000",
					B_PATIENT + " 2014-01 IN CURRENT 10000");
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
	}

	@Test
	void theSameFileAgainOrTheSameCreditsInALaterFileChangeNothing() throws Exception {
		Path first = CreditFiles.write(this.dir, "a.csv", row(A_PATIENT, "2014-01", "152.40"),
				row(A_PATIENT, "2014-01", "152.40"), row(MOTHER, "2014-01", "30.00"));
		AccountCredits.Outcome once = this.credits.importFile(first);
		assertThat(once.execution().getExitStatus().getExitDescription())
			.isEqualTo("Credited 2 person-months, 182.40 in all; 1 rows were credited already.");

		AccountCredits.Outcome again = this.credits.importFile(first);
		Path later = CreditFiles.write(this.dir, "b.csv", row(MOTHER, "2014-01", "30.00"),
				row(D_PATIENT, "2014-01", "50.00"), row(A_PATIENT, "2014-01", "152.40"));
		AccountCredits.Outcome overlapping = this.credits.importFile(later);

		assertThat(again.succeeded()).isTrue();
		assertThat(again.earlier()).isTrue();
		assertThat(again.execution().getId()).isEqualTo(once.execution().getId());
		assertThat(again.summary())
			.startsWith("a.csv: imported before by execution " + once.execution().getId() + ", nothing changed");
		assertThat(overlapping.succeeded()).isTrue();
		assertThat(overlapping.execution().getExitStatus().getExitDescription())
			.isEqualTo("Credited 1 person-months, 50.00 in all; 2 rows were credited already.");
		assertThat(balances(A_PATIENT)).containsExactly(20000L + 15240, 500000L);
		assertThat(balances(MOTHER)).containsExactly(3000L, 5000L);
		assertThat(balances(D_PATIENT)).containsExactly(5000L, 0L);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE kind = 'CREDIT'", Integer.class))
			.isEqualTo(3);
	}

	@Test
	void aFileWithAnyBadRowCreditsNothingAndReportsEveryBadRowWithTheIdMasked() throws Exception {
		this.credits.importFile(CreditFiles.write(this.dir, "earlier.csv", row(B_PATIENT, "2014-01", "100.00")));
		String badCheck = A_PATIENT.substring(0, 17) + (A_PATIENT.charAt(17) == '0' ? '1' : '0');
		Path file = CreditFiles.write(this.dir, "bad.csv", row(A_PATIENT, "2014-01", "152.40"),
				row(CHILD, "2014-01", "20.00"), row(badCheck, "2014-01", "20.00"), row(D_PATIENT, "2014-13", "20.00"),
				row(D_PATIENT, "2014-02", "0.00"), row(D_PATIENT, "2014-03", "100000.00"),
				row(D_PATIENT, "2014-04", "12.5"), row(D_PATIENT, "2014-05", "12.50") + ",extra",
				row(A_PATIENT, "2014-01", "99.00"), row(B_PATIENT, "2014-01", "120.00"),
				row(MOTHER, "2014-01", "99999.99"));

		AccountCredits.Outcome outcome = this.credits.importFile(file);

		assertThat(outcome.succeeded()).isFalse();
		assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.execution().getExitStatus().getExitCode()).isEqualTo("INVALID");
		assertThat(outcome.problems()).containsExactly(
				"bad.csv:3: " + PersonIds.mask(CHILD) + " is not in the registry (persons.csv): only an insured"
						+ " person's account is credited, not a bound relative's",
				"bad.csv:4: personId '" + PersonIds.mask(badCheck) + "' is not a valid 18-character resident ID"
						+ " (check character)",
				"bad.csv:5: month '2014-13' is not a month yyyy-MM", "bad.csv:6: amount 0.00 is not greater than 0",
				"bad.csv:7: amount 100000.00 is above 99999.99",
				"bad.csv:8: amount '12.5' is not an amount in yuan with two decimals",
				"bad.csv:9: has 4 fields, the header 3",
				"bad.csv:10: " + PersonIds.mask(A_PATIENT) + " was already credited 152.40 for 2014-01 on line 2 of"
						+ " this file",
				"bad.csv:11: " + PersonIds.mask(B_PATIENT) + " was already credited 100.00 for 2014-01");
		assertThat(String.join("\n", outcome.problems())).doesNotContain(A_PATIENT, B_PATIENT, CHILD, badCheck);
		assertThat(outcome.summary()).isEqualTo("bad.csv: NOT imported, nothing credited (execution "
				+ outcome.execution().getId() + "): fix the rows above and import it again.");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isEqualTo(1);
		assertThat(balances(A_PATIENT)).containsExactly(20000L, 500000L);
		assertThat(balances(MOTHER)).containsExactly(0L, 5000L);
		assertThat(balances(D_PATIENT)).containsExactly(0L, 0L);

		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = withStderr(err, () -> this.command.run(List.of(file.toString())));
		assertThat(exit).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.csv:10: " + PersonIds.mask(A_PATIENT))
			.contains("NOT imported, nothing credited");
	}

	@Test
	void aFileWithoutTheHeaderIsRefusedAsAWhole() throws Exception {
		Path file = CreditFiles.writeRaw(this.dir, "noheader.csv",
				"personId,amount,month\r\n" + A_PATIENT + ",152.40,2014-01\r\n");

		AccountCredits.Outcome outcome = this.credits.importFile(file);

		assertThat(outcome.problems())
			.containsExactly("noheader.csv:1: the header must be personId,month,amount but is personId,amount,month");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isZero();
	}

	@Test
	void aCreditForAMonthOfARolledOverYearGoesToTheHistoricalAccount() throws Exception {
		assertThat(this.rollover.rollOver(2013, this.jobOperator).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// A's 200.00 of 2013 moved
		assertThat(balances(A_PATIENT)).containsExactly(0L, 520000L);

		AccountCredits.Outcome outcome = this.credits.importFile(CreditFiles.write(this.dir, "late.csv",
				row(A_PATIENT, "2014-01", "60.00"), row(A_PATIENT, "2013-10", "40.00")));

		assertThat(outcome.execution().getExitStatus().getExitDescription()).isEqualTo(
				"Credited 2 person-months, 100.00 in all (1 of rolled-over years, into historical accounts); 0 rows were"
						+ " credited already.");
		assertThat(balances(A_PATIENT)).containsExactly(6000L, 524000L);
		assertThat(this.jdbc.queryForList("SELECT to_char(month, 'YYYY-MM') || ' ' || account FROM ledger_entry"
				+ " WHERE kind = 'CREDIT' ORDER BY month", String.class))
			.containsExactly("2013-10 HISTORICAL", "2014-01 CURRENT");
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
	}

	@Test
	void anImportStoppedByAFaultIsRestartedAndCreditsTheRestExactlyOnce() throws Exception {
		Path file = CreditFiles.write(this.dir, "fault.csv", row(A_PATIENT, "2014-01", "1.00"),
				row(B_PATIENT, "2014-01", "2.00"), row(MOTHER, "2014-01", "3.00"), row(D_PATIENT, "2014-01", "4.00"),
				row(A_PATIENT, "2014-02", "5.00"));
		this.jdbc.execute("""
				CREATE FUNCTION refuse_d() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN IF NEW.person_id = '%s' THEN RAISE EXCEPTION 'disk full (induced)'; END IF; RETURN NEW; END $$
				""".formatted(D_PATIENT));
		this.jdbc
			.execute("CREATE TRIGGER refuse_d BEFORE INSERT ON ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_d()");
		AccountCredits.Outcome failed;
		try {
			failed = this.credits.importFile(file);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER refuse_d ON ledger_entry");
			this.jdbc.execute("DROP FUNCTION refuse_d()");
		}
		assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
		// the first chunk (A, B) committed, the second (MOTHER, D) rolled back
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isEqualTo(2);
		assertThat(failed.summary()).contains("disk full (induced)");

		AccountCredits.Outcome restarted = this.credits.importFile(file);

		assertThat(restarted.succeeded()).isTrue();
		assertThat(restarted.execution().getJobInstance().getInstanceId())
			.isEqualTo(failed.execution().getJobInstance().getInstanceId());
		assertThat(restarted.execution().getExitStatus().getExitDescription())
			.isEqualTo("Credited 5 person-months, 15.00 in all; 0 rows were credited already.");
		assertThat(balances(A_PATIENT)).containsExactly(20000L + 100 + 500, 500000L);
		assertThat(balances(D_PATIENT)).containsExactly(400L, 0L);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isEqualTo(5);
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
	}

	@Test
	void anImportWaitsForNoSettlementRunItIsRefusedAndRestartedLater() throws Exception {
		Path file = CreditFiles.write(this.dir, "busy.csv", row(A_PATIENT, "2014-01", "1.00"));
		AccountCredits.Outcome refused;
		try (Connection other = this.jdbc.getDataSource().getConnection()) {
			// another process's settlement run holds the lock
			other.createStatement().execute("SELECT pg_advisory_lock(5, 0)");
			refused = this.credits.importFile(file);
		}

		assertThat(refused.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(refused.summary()).contains("A settlement run, a rollover or another import is in progress");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isZero();
		assertThat(this.credits.importFile(file).succeeded()).isTrue();
		assertThat(balances(A_PATIENT)).containsExactly(20100L, 500000L);
	}

	@Test
	void theCommandLineNeedsOneFile() throws Exception {
		assertThat(runCommand()).isEqualTo(1);
		assertThat(runCommand(this.dir.resolve("missing.csv").toString())).isEqualTo(1);
		Path file = CreditFiles.write(this.dir, "ok.csv", row(A_PATIENT, "2014-01", "1.00"));
		assertThat(runCommand(file.toString())).isZero();
	}

	private int runCommand(String... arguments) {
		try {
			return this.command.run(List.of(arguments));
		}
		catch (Exception ex) {
			// the command line prints the sentence and exits 1
			return 1;
		}
	}

	private List<Object> balances(String person) {
		return List.copyOf(this.jdbc
			.queryForMap("SELECT current_account, historical_account FROM person WHERE person_id = ?", person)
			.values());
	}

	private static int withStderr(ByteArrayOutputStream into, ThrowingSupplier run) throws Exception {
		PrintStream original = System.err;
		System.setErr(new PrintStream(into, true, StandardCharsets.UTF_8));
		try {
			return run.get();
		}
		finally {
			System.setErr(original);
		}
	}

	interface ThrowingSupplier {

		int get() throws Exception;

	}

}
