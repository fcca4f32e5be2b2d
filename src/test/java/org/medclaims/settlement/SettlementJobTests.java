package org.medclaims.settlement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.medclaims.TestRegistry;
import org.medclaims.accounts.Ledgers;
import org.medclaims.system.MedclaimsProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.medclaims.TestRegistry.B_PATIENT;
import static org.medclaims.TestRegistry.CHILD;
import static org.medclaims.TestRegistry.D_PATIENT;
import static org.medclaims.TestRegistry.FATHER;
import static org.medclaims.TestRegistry.MOTHER;
import static org.medclaims.TestRegistry.line;

@SpringBootTest(properties = "medclaims.settlement.chunk-size=1")
class SettlementJobTests {

	@Autowired
	SettlementLauncher launcher;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	SettlementLauncher runs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MedclaimsProperties properties;

	TestRegistry given;

	long claimA;

	long claimB;

	long claimC;

	long claimD;

	@BeforeEach
	void theWorkedExamplesOfPolicyMdWait() {
		this.given = TestRegistry.workedExamples(this.jdbc);
		this.given.file("HOS1", "HOS1_20130701_001.clm");
		this.claimA = this.given.claim("A", A_PATIENT, "OUT", LocalDate.of(2013, 6, 1), null,
				line("DRUG-A", "300.00", "1", 30000L), line("ITEM-B10", "200.00", "1", 20000L));
		this.claimC = this.given.claim("C", CHILD, "OUT", LocalDate.of(2013, 6, 10), null,
				line("ITEM-B20", "100.00", "1", 10000L));
		this.given.file("HOS2", "HOS2_20130701_001.clm");
		this.claimB = this.given.claim("B", B_PATIENT, "INP", LocalDate.of(2013, 6, 20), null,
				line("DRUG-A", "10000.00", "1", 1000000L), line("ITEM-C", "500.00", "1", 50000L));
		this.given.file("HOS3", "HOS3_20130701_001.clm");
		this.claimD = this.given.claim("D", D_PATIENT, "INP", LocalDate.of(2013, 6, 5), null,
				line("ITEM-B15", "333.33", "1", 33333L));
	}

	@Test
	void settlesTheWorkedExamplesAndMovesTheMoney() throws Exception {
		JobExecution execution = this.launcher.settle();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// total, selfPay, selfPayFirst, deductible, segment, coinsurance, overCap, fund,
		// current, historical, family, cash
		assertThat(amounts(this.claimA)).containsExactly(50000L, 0L, 2000L, 0L, 10000L, 7200L, 0L, 10800L, 20000L,
				19200L, 0L, 0L);
		assertThat(amounts(this.claimB)).containsExactly(1050000L, 50000L, 0L, 30000L, 0L, 97000L, 773000L, 100000L, 0L,
				10000L, 0L, 940000L);
		assertThat(amounts(this.claimC)).containsExactly(10000L, 0L, 2000L, 0L, 0L, 8000L, 0L, 0L, 0L, 0L, 10000L, 0L);
		assertThat(amounts(this.claimD)).containsExactly(33333L, 0L, 5000L, 28333L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 33333L);
		assertThat(
				this.jdbc.queryForObject("SELECT codes FROM settlement WHERE claim_id = ?", String.class, this.claimB))
			.isEqualTo("W_OVER_CAP");
		assertThat(this.jdbc.queryForObject("SELECT policy_version FROM settlement WHERE claim_id = ?", String.class,
				this.claimA))
			.isEqualTo("2013-05-01");

		assertThat(ledger()).containsExactlyInAnyOrder(entry(this.claimA, A_PATIENT, "CURRENT", 20000L),
				entry(this.claimA, A_PATIENT, "HISTORICAL", 19200L),
				entry(this.claimB, B_PATIENT, "HISTORICAL", 10000L), entry(this.claimC, FATHER, "FAMILY", 10000L));
		assertThat(balance(A_PATIENT)).containsExactly(0L, 480800L);
		assertThat(balance(B_PATIENT)).containsExactly(0L, 0L);
		assertThat(balance(FATHER)).containsExactly(0L, 90000L);
		assertThat(balance(MOTHER)).containsExactly(0L, 5000L);
		assertThat(yearTotals(A_PATIENT)).containsExactly(10800L, 100000L, 0);
		assertThat(yearTotals(B_PATIENT)).containsExactly(15000000L, 0L, 2);
		assertThat(yearTotals(D_PATIENT)).containsExactly(0L, 0L, 1);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT status FROM claim", String.class))
			.containsExactly("SETTLED");
		assertThat(Ledgers.inconsistentAccounts(this.jdbc)).isEmpty();
	}

	@Test
	void anOutboundFolderThatCannotBeWrittenFailsWithItsPathAndTheRestartWritesTheMissingAnswersOnce()
			throws Exception {
		Path hos2 = this.properties.outboundDir().resolve("HOS2");
		Files.createDirectories(this.properties.outboundDir());
		Files.writeString(hos2, "not a folder");

		JobExecution failed = this.launcher.settle();

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getStepExecutions()).filteredOn(s -> s.getStepName().equals("writeResponses"))
			.singleElement()
			.satisfies(step -> assertThat(step.getExitStatus().getExitDescription())
				.contains("The response HOS2_20130701_001.res to HOS2_20130701_001.clm cannot be written to "
						+ hos2.resolve("HOS2_20130701_001.res").toAbsolutePath()));
		Path first = this.properties.outboundDir().resolve("HOS1").resolve("HOS1_20130701_001.res");
		assertThat(first).exists();
		java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(first);
		Object inode = Files.getAttribute(first, "unix:ino");
		assertThat(this.jdbc.queryForList(
				"SELECT file_name FROM claim_file WHERE response_written_at IS NULL" + " ORDER BY file_name",
				String.class))
			.containsExactly("HOS2_20130701_001.clm", "HOS3_20130701_001.clm");
		try (var outbound = Files.walk(this.properties.outboundDir())) {
			assertThat(outbound.filter(f -> f.getFileName().toString().endsWith(".tmp"))).as("half-written files")
				.isEmpty();
		}

		Files.delete(hos2);
		JobExecution restarted = this.jobOperator.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.getLastModifiedTime(first)).as("an answer written before is not written again")
			.isEqualTo(written);
		assertThat(Files.getAttribute(first, "unix:ino")).isEqualTo(inode);
		assertThat(hos2.resolve("HOS2_20130701_001.res")).exists();
		assertThat(this.properties.outboundDir().resolve("HOS3").resolve("HOS3_20130701_001.res")).exists();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_file WHERE response_written_at IS NULL",
				Integer.class))
			.isZero();
		assertThat(amounts(this.claimB)).as("settled once")
			.containsExactly(1050000L, 50000L, 0L, 30000L, 0L, 97000L, 773000L, 100000L, 0L, 10000L, 0L, 940000L);
	}

	@Test
	void answersEachHospitalOnceWithEveryAmount() throws Exception {
		this.launcher.settle();

		Path response = this.properties.outboundDir().resolve("HOS1").resolve("HOS1_20130701_001.res");
		List<String> lines = Files.readAllLines(response, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).startsWith("H|MCR1|HOS1|HOS1_20130701_001.clm|");
		assertThat(lines.get(1))
			.startsWith("R|A|SETTLED|500.00|0.00|20.00|0.00|100.00|72.00|0.00|108.00|200.00|192.00|0.00|0.00||");
		assertThat(lines.get(2))
			.startsWith("R|C|SETTLED|100.00|0.00|20.00|0.00|0.00|80.00|0.00|0.00|0.00|0.00|100.00|0.00||");
		assertThat(lines.get(3)).isEqualTo("T|2|2|0|600.00|108.00|200.00|192.00|100.00|0.00");
		assertThat(lines).hasSize(4);
		assertThat(this.properties.outboundDir().resolve("HOS2").resolve("HOS2_20130701_001.res")).exists();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_file WHERE response_written_at IS NOT NULL",
				Integer.class))
			.isEqualTo(3);

		byte[] first = Files.readAllBytes(response);
		JobExecution second = this.launcher.settle();
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readAllBytes(response)).isEqualTo(first);
		assertThat(second.getStepExecutions()).filteredOn(s -> s.getStepName().equals("writeResponses"))
			.singleElement()
			.satisfies(s -> assertThat(s.getWriteCount()).isZero());
	}

	@Test
	void aRunThatFailsMidwayIsRestartedAndSettlesWhatIsLeftExactlyOnce() throws Exception {
		JobExecution failed = settleWhileTheDatabaseRefusesClaimD();
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'RECEIVED'", Integer.class))
			.isEqualTo(1);
		assertThat(Ledgers.inconsistentAccounts(this.jdbc)).isEmpty();

		JobExecution restarted = this.jobOperator.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM settlement", Integer.class)).isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isEqualTo(4);
		assertThat(amounts(this.claimD)).containsExactly(33333L, 0L, 5000L, 28333L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 33333L);
		assertThat(balance(A_PATIENT)).containsExactly(0L, 480800L);
		assertThat(Ledgers.inconsistentAccounts(this.jdbc)).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_file WHERE response_written_at IS NOT NULL",
				Integer.class))
			.isEqualTo(3);
	}

	@Test
	void aRestartFinishesItsOwnRunAsIfNeverInterruptedAndFilesAcceptedSinceWaitForTheNext() throws Exception {
		JobExecution failed = settleWhileTheDatabaseRefusesClaimD();
		// accepted between the failure and the restart: an earlier visit of D's patient
		this.given.file("HOS3", "HOS3_20130702_001.clm");
		long claimE = this.given.claim("E", D_PATIENT, "INP", LocalDate.of(2013, 6, 1), null,
				line("ITEM-B15", "100.00", "1", 10000L));

		List<JobExecution> runs = this.runs.settleEverythingWaiting();

		assertThat(runs).extracting(JobExecution::getStatus)
			.containsExactly(BatchStatus.COMPLETED, BatchStatus.COMPLETED);
		assertThat(runs.get(0).getId()).isNotEqualTo(failed.getId());
		assertThat(runs.get(0).getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		// the restart settled D as the uninterrupted run does (its deductible untouched
		// by E), E came after
		assertThat(amounts(this.claimD)).containsExactly(33333L, 0L, 5000L, 28333L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 33333L);
		assertThat(this.jdbc.queryForObject("SELECT s.settled_at > d.settled_at FROM settlement s, settlement d"
				+ " WHERE s.claim_id = ? AND d.claim_id = ?", Boolean.class, claimE, this.claimD))
			.isTrue();
		assertThat(this.jdbc.queryForList("SELECT DISTINCT status FROM claim", String.class))
			.containsExactly("SETTLED");
		assertThat(this.properties.outboundDir().resolve("HOS3").resolve("HOS3_20130702_001.res")).exists();
		assertThat(Ledgers.inconsistentAccounts(this.jdbc)).isEmpty();
	}

	@Test
	void refusesASecondRunWhileOneRuns() throws Exception {
		JobExecution refused;
		try (java.sql.Connection other = this.jdbc.getDataSource().getConnection()) {
			// another process's run holds the settlement lock
			other.createStatement().execute("SELECT pg_advisory_lock(5, 0)");
			refused = this.launcher.settle();
		}

		assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(refused.getExitStatus().getExitDescription())
			.contains("Another settlement run, a reference or credit import or a rollover is in progress");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM settlement", Integer.class)).isZero();
		assertThat(this.launcher.settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM settlement", Integer.class)).isEqualTo(4);
	}

	// a fault after the first chunks committed: the database refuses the settlement of
	// claim D
	private JobExecution settleWhileTheDatabaseRefusesClaimD() throws Exception {
		this.jdbc.execute("""
				CREATE FUNCTION refuse_d() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN IF NEW.claim_id = %d THEN RAISE EXCEPTION 'disk full (induced)'; END IF; RETURN NEW; END $$
				""".formatted(this.claimD));
		this.jdbc
			.execute("CREATE TRIGGER refuse_d BEFORE INSERT ON settlement FOR EACH ROW EXECUTE FUNCTION refuse_d()");
		try {
			return this.launcher.settle();
		}
		finally {
			this.jdbc.execute("DROP TRIGGER refuse_d ON settlement");
			this.jdbc.execute("DROP FUNCTION refuse_d()");
		}
	}

	private List<Object> amounts(long claimId) {
		Map<String, Object> row = this.jdbc.queryForMap(
				"""
						SELECT total, self_pay, self_pay_first, deductible, segment, coinsurance, over_cap, fund, current_account,
						       historical_account, family_account, cash FROM settlement WHERE claim_id = ?
						""",
				claimId);
		return List.copyOf(row.values());
	}

	private List<String> ledger() {
		return this.jdbc.queryForList(
				"SELECT claim_id || '/' || person_id || '/' || kind || '/' || amount FROM ledger_entry", String.class);
	}

	private static String entry(long claimId, String person, String kind, long amount) {
		return claimId + "/" + person + "/" + kind + "/" + amount;
	}

	private List<Object> balance(String person) {
		return List.copyOf(this.jdbc
			.queryForMap("SELECT current_account, historical_account FROM person WHERE person_id = ?", person)
			.values());
	}

	private List<Object> yearTotals(String person) {
		return List.copyOf(this.jdbc.queryForMap(
				"SELECT fund_paid, segment_used, admissions FROM person_year WHERE person_id = ? AND year = 2013",
				person)
			.values());
	}

}
