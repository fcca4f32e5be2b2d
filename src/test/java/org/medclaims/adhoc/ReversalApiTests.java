package org.medclaims.adhoc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.CreditFiles;
import org.medclaims.TestRegistry;
import org.medclaims.accounts.AccountCredits;
import org.medclaims.accounts.YearEndRollover;
import org.medclaims.intake.ClaimIntake;
import org.medclaims.accounts.LedgerCheck;
import org.medclaims.settlement.SettlementLauncher;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.medclaims.CreditFiles.row;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.medclaims.TestRegistry.B_PATIENT;
import static org.medclaims.TestRegistry.CHILD;
import static org.medclaims.TestRegistry.D_PATIENT;
import static org.medclaims.TestRegistry.FATHER;
import static org.medclaims.TestRegistry.STRANGER;
import static org.medclaims.TestRegistry.line;
import static org.medclaims.adhoc.AdhocRequests.claim;
import static org.medclaims.adhoc.AdhocRequests.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * accounts.md, reversal (冲正): the money back into the accounts it left across a rollover,
 * the service year's totals reduced, the number free for a file and for an ad-hoc claim,
 * the answers, and the report.
 */
@SpringBootTest(properties = { "medclaims.security.users.clerk.password={noop}clerk",
		"medclaims.security.users.clerk.roles=CLERK", "medclaims.security.users.olga.password={noop}olga",
		"medclaims.security.users.olga.roles=OPERATOR" })
class ReversalApiTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SettlementLauncher settlement;

	@Autowired
	AccountCredits credits;

	@Autowired
	YearEndRollover rollover;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	ClaimIntake intake;

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	MedclaimsProperties folders;

	@Value("${medclaims.test-data-dir}")
	Path data;

	MockMvc mvc;

	/**
	 * policy.md's claims A (current 200.00, historical 192.00), B (INP, historical
	 * 100.00) and C (the father's 100.00 for his child) settled; A credited 50.00 for
	 * 2013-12, 2013 rolled over, A credited 60.00 for 2014-01.
	 */
	@BeforeEach
	void settledClaimsAcrossARollover() throws Exception {
		TestRegistry given = TestRegistry.workedExamples(this.jdbc);
		TestRegistry.forgetJobs(this.jdbc);
		this.jdbc.execute("DELETE FROM int_metadata_store");
		given.file("HOS1", "HOS1_20130701_001.clm");
		given.claim("A", A_PATIENT, "OUT", LocalDate.of(2013, 6, 1), null, line("DRUG-A", "300.00", "1", 30000L),
				line("ITEM-B10", "200.00", "1", 20000L));
		given.claim("C", CHILD, "OUT", LocalDate.of(2013, 6, 10), null, line("ITEM-B20", "100.00", "1", 10000L));
		given.claim("R", STRANGER, "OUT", LocalDate.of(2013, 6, 10), null, line("DRUG-A", "10.00", "1", 1000L));
		given.file("HOS2", "HOS2_20130701_001.clm");
		given.claim("B", B_PATIENT, "INP", LocalDate.of(2013, 6, 20), null, line("DRUG-A", "10000.00", "1", 1000000L),
				line("ITEM-C", "500.00", "1", 50000L));
		assertThat(this.settlement.settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		given.file("HOS3", "HOS3_20130801_001.clm");
		given.claim("W", D_PATIENT, "OUT", LocalDate.of(2013, 7, 1), null, line("DRUG-A", "10.00", "1", 1000L));
		Path dir = this.data.resolve("credits-" + System.nanoTime());
		assertThat(this.credits.importFile(CreditFiles.write(dir, "2013-12.csv", row(A_PATIENT, "2013-12", "50.00")))
			.succeeded()).isTrue();
		assertThat(this.rollover.rollOver(2013, this.jobOperator).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.credits.importFile(CreditFiles.write(dir, "2014-01.csv", row(A_PATIENT, "2014-01", "60.00")))
			.succeeded()).isTrue();
		assertThat(balances(A_PATIENT)).containsExactly(6000L, 480800L + 5000L);
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.apply(springSecurity())
			.defaultRequest(get("/").with(httpBasic("clerk", "clerk")))
			.build();
	}

	@Test
	void theMoneyGoesBackIntoTheAccountsItLeftAcrossTheRolloverAndTheYearLosesTheClaim() throws Exception {
		reverse("HOS1", "A", "wrong diagnosis, the hospital sends it again").andExpect(status().isOk())
			.andExpect(jsonPath("$.claimNo").value("A"))
			.andExpect(jsonPath("$.status").value("REVERSED"))
			.andExpect(jsonPath("$.reversal.reason").value("wrong diagnosis, the hospital sends it again"))
			.andExpect(jsonPath("$.reversal.reversedBy").value("clerk"))
			.andExpect(jsonPath("$.reversal.currentAccount").value("200.00"))
			.andExpect(jsonPath("$.reversal.historicalAccount").value("192.00"))
			.andExpect(jsonPath("$.reversal.familyAccount").value("0.00"))
			// the settlement stays, for the record
			.andExpect(jsonPath("$.settlement.status").value("SETTLED"))
			.andExpect(jsonPath("$.settlement.amounts.currentAccount").value("200.00"));

		// current: 60.00 of 2014 + 200.00 back; historical: 4808.00 + 50.00 rolled over +
		// 192.00 back
		assertThat(balances(A_PATIENT)).containsExactly(26000L, 485800L + 19200L);
		// 2013 of policy.md's example A: fund 108.00 and segment 100.00 taken back from
		// (0, 900.00) + the claim
		assertThat(yearTotals(A_PATIENT, 2013)).containsExactly(0L, 90000L, 0);
		assertThat(this.jdbc.queryForList("""
				SELECT e.person_id || ' ' || e.direction || ' ' || e.account || ' ' || e.amount FROM ledger_entry e
				JOIN claim c ON c.id = e.claim_id WHERE e.kind = 'REVERSAL' AND c.claim_no = 'A'
				""", String.class)).containsExactlyInAnyOrder(A_PATIENT + " IN CURRENT 20000",
				A_PATIENT + " IN HISTORICAL 19200");
		LedgerCheck.Result check = this.ledgerCheck.check();
		assertThat(check.mismatches()).isEmpty();
		assertThat(check.unmatched()).isEmpty();
		this.mvc.perform(get("/api/claims/HOS1/A"))
			.andExpect(jsonPath("$.status").value("REVERSED"))
			.andExpect(jsonPath("$.reversal.reason").value("wrong diagnosis, the hospital sends it again"));
	}

	@Test
	void anInpatientClaimGivesBackItsAdmissionAndARelativesClaimPaysTheGrantorBack() throws Exception {
		reverse("HOS2", "B", "duplicate admission").andExpect(status().isOk());
		reverse("HOS1", "C", "not the child's visit").andExpect(status().isOk())
			.andExpect(jsonPath("$.reversal.familyAccount").value("100.00"));

		assertThat(balances(B_PATIENT)).containsExactly(0L, 10000L);
		assertThat(yearTotals(B_PATIENT, 2013)).containsExactly(14900000L, 0L, 1);
		assertThat(balances(FATHER)).containsExactly(0L, 100000L);
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM person_year WHERE person_id = ?", Integer.class, CHILD))
			.isZero();
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
	}

	@Test
	void aSecondReversalAnswersTheFirstAndChangesNothing() throws Exception {
		String first = reverse("HOS1", "A", "wrong").andReturn().getResponse().getContentAsString();
		int entries = this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class);

		String second = reverse("HOS1", "A", "wrong again").andExpect(status().isOk())
			.andExpect(jsonPath("$.reversal.reason").value("wrong"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(second).isEqualTo(first);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isEqualTo(entries);
		assertThat(balances(A_PATIENT)).containsExactly(26000L, 505000L);
	}

	@Test
	void onlyASettledClaimCanBeReversed() throws Exception {
		reverse("HOS3", "W", "why not").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("CONFLICT"))
			.andExpect(jsonPath("$.detail")
				.value("Claim W of HOS3 is waiting for settlement: only a SETTLED claim can be reversed."));
		reverse("HOS1", "R", "why not").andExpect(status().isConflict())
			.andExpect(
					jsonPath("$.detail").value("Claim R of HOS1 is REJECTED: only a SETTLED claim can be reversed."));
		reverse("HOS1", "NOPE", "why not").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
		reverse("HOS1", "A", "  ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc.perform(post("/api/claims/HOS1/A/reversal").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		reverse("HOS1", "A", "原".repeat(201)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("is longer than 200 characters"));
		this.mvc.perform(post("/api/claims/HOS1/A/reversal").contentType(MediaType.TEXT_PLAIN).content("reason=x"))
			.andExpect(status().isUnsupportedMediaType());
		reverse("HOS1", "A", "原".repeat(200)).andExpect(status().isOk());
		assertThat(
				this.jdbc.queryForList("SELECT claim_no || ' ' || status FROM claim ORDER BY claim_no", String.class))
			.containsExactly("A REVERSED", "B SETTLED", "C SETTLED", "R REJECTED", "W RECEIVED");
	}

	@Test
	void theNumberIsFreeAgainForAHospitalFile() throws Exception {
		dropClaimFile("HOS1_20140301_001.clm", "A", "12.00");
		this.intake.takeEverythingNow();
		assertThat(this.jdbc.queryForList(
				"SELECT status || ' ' || coalesce(reject_code, '-') FROM claim" + " WHERE claim_no = 'A' ORDER BY id",
				String.class))
			.containsExactly("SETTLED -", "REJECTED E_DUPLICATE_CLAIM");

		reverse("HOS1", "A", "sent again corrected").andExpect(status().isOk());
		dropClaimFile("HOS1_20140301_002.clm", "A", "12.00");
		this.intake.takeEverythingNow();
		this.settlement.settle();

		assertThat(this.jdbc.queryForList(
				"SELECT status || ' ' || coalesce(reject_code, '-') FROM claim" + " WHERE claim_no = 'A' ORDER BY id",
				String.class))
			.containsExactly("REVERSED -", "REJECTED E_DUPLICATE_CLAIM", "SETTLED -");
		this.mvc.perform(get("/api/claims/HOS1/A"))
			.andExpect(jsonPath("$.status").value("SETTLED"))
			.andExpect(jsonPath("$.total").value("12.00"))
			.andExpect(jsonPath("$.reversal").isEmpty());
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
	}

	@Test
	void theNumberIsFreeAgainForAnAdhocClaimAndTheSameContentIsValuedAgain() throws Exception {
		String body = json(claim("A", "HOS1", A_PATIENT, "OUT", "2014-01-05",
				AdhocRequests.line("DRUG-A", "30.00", "1", "30.00")));
		submit(body).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("E_DUPLICATE_CLAIM"));

		reverse("HOS1", "A", "entered at the desk instead").andExpect(status().isOk());
		submit(body).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SETTLED"))
			// the current-year account holds 2014's 60.00 and the 200.00 given back
			.andExpect(jsonPath("$.amounts.currentAccount").value("30.00"));
		reverse("HOS1", "A", "wrong again").andExpect(status().isOk())
			.andExpect(jsonPath("$.reversal.currentAccount").value("30.00"));
		submit(body).andExpect(status().isCreated());

		assertThat(this.jdbc.queryForList("SELECT status FROM claim WHERE claim_no = 'A' ORDER BY id", String.class))
			.containsExactly("REVERSED", "REVERSED", "SETTLED");
		assertThat(balances(A_PATIENT)).containsExactly(26000L - 3000L, 505000L);
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
	}

	@Test
	void theReportListsReversalsAsJsonAndCsv() throws Exception {
		reverse("HOS1", "A", "wrong, \"really\"").andExpect(status().isOk());
		reverse("HOS2", "B", "duplicate").andExpect(status().isOk());
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

		this.mvc.perform(get("/api/reversals").param("hospital", "HOS1").param("from", today).param("to", today))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(1))
			.andExpect(jsonPath("$.reversals[0].claimNo").value("A"))
			.andExpect(jsonPath("$.reversals[0].patientId").value(A_PATIENT))
			.andExpect(jsonPath("$.reversals[0].serviceDate").value("2013-06-01"))
			.andExpect(jsonPath("$.reversals[0].total").value("500.00"))
			.andExpect(jsonPath("$.reversals[0].currentAccount").value("200.00"))
			.andExpect(jsonPath("$.reversals[0].reversedBy").value("clerk"));
		this.mvc.perform(get("/api/reversals").with(httpBasic("olga", "olga")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(2));
		this.mvc.perform(get("/api/reversals").param("to", "2013-12-31")).andExpect(jsonPath("$.count").value(0));
		String csv = this.mvc.perform(get("/api/reversals").param("hospital", "HOS1").accept("text/csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", containsString("reversals.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo("hospitalCode,claimNo,patientId,visitType,serviceDate,total,fund,"
				+ "currentAccount,historicalAccount,familyAccount,cash,reason,reversedBy,reversedAt");
		assertThat(lines.get(1)).startsWith("HOS1,A," + A_PATIENT + ",OUT,2013-06-01,500.00,108.00,200.00,192.00,0.00,"
				+ "0.00,\"wrong, \"\"really\"\"\",clerk,");
		this.mvc.perform(get("/api/reversals").param("from", "2014-02-01").param("to", "2014-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		this.mvc.perform(get("/api/reversals").param("from", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	private ResultActions reverse(String hospital, String claimNo, String reason) throws Exception {
		return this.mvc
			.perform(post("/api/claims/{h}/{n}/reversal", hospital, claimNo).contentType(MediaType.APPLICATION_JSON)
				.content(json(Map.of("reason", reason))));
	}

	private ResultActions submit(String body) throws Exception {
		return this.mvc.perform(post("/api/adhoc-claims").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private void dropClaimFile(String name, String claimNo, String amount) throws Exception {
		String text = String.join("\n", "H|MCF1|HOS1|20140301|" + name.substring(14, 17) + "|UTF-8",
				"C|" + claimNo + "|" + A_PATIENT + "|病人|OUT|20140120|20140120|K35.9||" + amount + "|1",
				"L|1|DRUG-A|药品|" + amount + "|1|" + amount, "T|1|1|" + amount) + "\n";
		Files.createDirectories(this.folders.inboundDir());
		Files.writeString(this.folders.inboundDir().resolve(name), text, StandardCharsets.UTF_8);
	}

	private List<Object> balances(String person) {
		return List.copyOf(this.jdbc
			.queryForMap("SELECT current_account, historical_account FROM person WHERE person_id = ?", person)
			.values());
	}

	private List<Object> yearTotals(String person, int year) {
		return List.copyOf(this.jdbc
			.queryForMap("SELECT fund_paid, segment_used, admissions FROM person_year WHERE person_id = ? AND year = ?",
					person, year)
			.values());
	}

}
