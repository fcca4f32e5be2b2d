package org.medclaims.accounts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medclaims.CreditFiles;
import org.medclaims.TestRegistry;
import org.medclaims.settlement.SettlementLauncher;
import org.medclaims.system.Command;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.CreditFiles.row;
import static org.medclaims.TestRegistry.line;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * accounts.md, worked example E, end to end: credits, the claim, a credit again, the
 * rollover, credits, the reversal, verify-ledger.
 */
@SpringBootTest(properties = { "medclaims.security.users.clerk.password={noop}clerk",
		"medclaims.security.users.clerk.roles=CLERK" })
class WorkedExampleETests {

	static final String P = TestRegistry.id("33028219700101555");

	@Autowired
	AccountCredits credits;

	@Autowired
	SettlementLauncher settlement;

	@Autowired
	YearEndRollover rollover;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	List<Command> commands;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebApplicationContext context;

	@Value("${medclaims.test-data-dir}")
	Path data;

	@Test
	void workedExampleE() throws Exception {
		TestRegistry given = TestRegistry.workedExamples(this.jdbc).person(P, "IN_SERVICE", 0, 10000);
		TestRegistry.forgetJobs(this.jdbc);
		Path dir = this.data.resolve("example-e");
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.apply(springSecurity())
			.defaultRequest(get("/").with(httpBasic("clerk", "clerk")))
			.build();

		// 1. credits for 2013-11 and 2013-12
		credit(CreditFiles.write(dir, "2013-11-12.csv", row(P, "2013-11", "50.00"), row(P, "2013-12", "50.00")));
		assertThat(balances()).containsExactly(10000L, 10000L);

		// 2. an OUT claim of 300.00, all class A, at a tertiary hospital on 2013-12-20
		given.file("HOS1", "HOS1_20131231_001.clm");
		long claim = given.claim("E2", P, "OUT", LocalDate.of(2013, 12, 20), null,
				line("DRUG-A", "300.00", "1", 30000L));
		assertThat(this.settlement.settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// total, segment, fund, current, historical, cash
		assertThat(
				List.copyOf(this.jdbc
					.queryForMap(
							"""
									SELECT total, segment, fund, current_account, historical_account, cash FROM settlement WHERE claim_id = ?
									""",
							claim)
					.values()))
			.containsExactly(30000L, 20000L, 0L, 10000L, 10000L, 10000L);
		assertThat(balances()).containsExactly(0L, 0L);
		assertThat(yearTotals()).containsExactly(0L, 20000L, 0);

		// 3. the credit for 2013-12 again: nothing changes
		AccountCredits.Outcome again = credit(CreditFiles.write(dir, "2013-12-again.csv", row(P, "2013-12", "50.00")));
		assertThat(again.execution().getExitStatus().getExitDescription())
			.isEqualTo("Credited 0 person-months, 0.00 in all; 1 rows were credited already.");
		assertThat(balances()).containsExactly(0L, 0L);

		// 4. rollover 2013: P has nothing to move (A of policy.md's examples has 200.00)
		JobExecution rolledOver = this.rollover.rollOver(2013, this.jobOperator);
		assertThat(rolledOver.getExitStatus().getExitDescription()).isEqualTo(
				"Rolled over 2013: 1 persons, 200.00 moved to their historical accounts; 7 persons had nothing to move.");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM ledger_entry WHERE kind = 'ROLLOVER' AND person_id = ?", Integer.class, P))
			.isZero();
		assertThat(balances()).containsExactly(0L, 0L);

		// 5. a credit for 2014-01, and a late one for 2013-10, which goes to the
		// historical account
		credit(CreditFiles.write(dir, "2014-01.csv", row(P, "2014-01", "60.00"), row(P, "2013-10", "40.00")));
		assertThat(balances()).containsExactly(6000L, 4000L);

		// 6. the reversal of step 2's claim
		mvc.perform(post("/api/claims/HOS1/E2/reversal").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"worked example E, step 6\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVERSED"));
		assertThat(balances()).containsExactly(16000L, 14000L);
		assertThat(yearTotals()).containsExactly(0L, 0L, 0);
		mvc.perform(get("/api/persons/{id}/account", P))
			.andExpect(jsonPath("$.currentAccount").value("160.00"))
			.andExpect(jsonPath("$.historicalAccount").value("140.00"))
			.andExpect(jsonPath("$.years[0].year").value(2013))
			.andExpect(jsonPath("$.years[0].segmentUsed").value("0.00"));

		// 7. verify-ledger: current 0 + (50 + 50 + 60) - 100 + 100 = 160.00; historical
		// 100 + 40 - 100 + 100 = 140.00
		assertThat(this.jdbc.queryForObject("""
				SELECT string_agg(account || ' ' || direction || ' ' || total, ', ' ORDER BY account, direction) FROM (
				    SELECT account, direction, sum(amount) AS total FROM ledger_entry WHERE person_id = ?
				    GROUP BY account, direction) t
				""", String.class, P))
			.isEqualTo("CURRENT IN 26000, CURRENT OUT 10000, HISTORICAL IN 14000, HISTORICAL OUT 10000");
		LedgerCheck.Result check = this.ledgerCheck.check();
		assertThat(check.consistent()).isTrue();
		assertThat(check.totals())
			.extracting(t -> t.kind() + " " + t.account() + " " + t.direction() + " " + t.entries() + " " + t.amount())
			.containsExactly("CURRENT CURRENT OUT 1 100.00", "HISTORICAL HISTORICAL OUT 1 100.00",
					"CREDIT CURRENT IN 3 160.00", "CREDIT HISTORICAL IN 1 40.00", "ROLLOVER CURRENT OUT 1 200.00",
					"ROLLOVER HISTORICAL IN 1 200.00", "REVERSAL CURRENT IN 1 100.00",
					"REVERSAL HISTORICAL IN 1 100.00");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = command("verify-ledger").run(List.of());
		}
		finally {
			System.setOut(original);
		}
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Ledger consistent: 8 accounts, 10 entries")
			.containsPattern("CREDIT\\s+CURRENT\\s+IN\\s+3\\s+160.00")
			.containsPattern("REVERSAL\\s+HISTORICAL\\s+IN\\s+1\\s+100.00");
		assertThat(check.totals()).allSatisfy(t -> assertThat(t.direction())
			.isEqualTo(t.kind().isPayment() || (t.kind() == LedgerKind.ROLLOVER && "CURRENT".equals(t.account()))
					? LedgerDirection.OUT : LedgerDirection.IN));
	}

	private AccountCredits.Outcome credit(Path file) throws Exception {
		AccountCredits.Outcome outcome = this.credits.importFile(file);
		assertThat(outcome.succeeded()).as(outcome.summary()).isTrue();
		return outcome;
	}

	private List<Object> balances() {
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT current_account, historical_account FROM person WHERE person_id = ?", P);
		return List.copyOf(row.values());
	}

	private List<Object> yearTotals() {
		return List.copyOf(this.jdbc.queryForMap(
				"SELECT fund_paid, segment_used, admissions FROM person_year WHERE person_id = ? AND year = 2013", P)
			.values());
	}

	private Command command(String name) {
		return this.commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

}
