package org.medclaims.adhoc;

import org.medclaims.TestRegistry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.medclaims.adhoc.AdhocRequests.claim;
import static org.medclaims.adhoc.AdhocRequests.hospital;
import static org.medclaims.adhoc.AdhocRequests.json;
import static org.medclaims.adhoc.AdhocRequests.line;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.medclaims.TestRegistry.AWAY;
import static org.medclaims.TestRegistry.AWAY_REGISTERED;
import static org.medclaims.TestRegistry.B_PATIENT;
import static org.medclaims.TestRegistry.CHILD;
import static org.medclaims.TestRegistry.D_PATIENT;
import static org.medclaims.TestRegistry.FATHER;
import static org.medclaims.TestRegistry.MOTHER;
import static org.medclaims.TestRegistry.STRANGER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The worked examples of policy.md and the ad-hoc first self-pay, through the clerks'
 * API.
 */
@SpringBootTest(properties = { "medclaims.security.users.clerk.password={noop}clerk",
		"medclaims.security.users.clerk.roles=CLERK", "medclaims.security.users.operator.password={noop}operator",
		"medclaims.security.users.operator.roles=OPERATOR" })
class AdhocClaimApiTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	MockMvc mvc;

	@BeforeEach
	void theWorkedExamplesRegistry() {
		TestRegistry.workedExamples(this.jdbc);
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void settlesExampleAOutpatientWithTheAccountPartlyUsed() throws Exception {
		ResultActions result = submit(claim("A", "HOS1", A_PATIENT, "OUT", "2013-06-01",
				line("DRUG-A", "300.00", "1", "300.00"), line("ITEM-B10", "100.00", "2", "200.00")))
			.andExpect(status().isCreated());

		expectAmounts(result, "500.00", "0.00", "20.00", "0.00", "100.00", "72.00", "0.00", "108.00", "200.00",
				"192.00", "0.00", "0.00");
		result.andExpect(jsonPath("$.claimNo").value("A"))
			.andExpect(jsonPath("$.status").value("SETTLED"))
			.andExpect(jsonPath("$.codes", hasSize(0)))
			.andExpect(jsonPath("$.policyVersion").value("2013-05-01"))
			.andExpect(jsonPath("$.familyPayments", hasSize(0)))
			.andExpect(jsonPath("$.lines[1].itemCode").value("ITEM-B10"))
			.andExpect(jsonPath("$.lines[1].selfPayFirst").value("20.00"))
			.andExpect(jsonPath("$.lines[1].eligible").value("180.00"))
			.andExpect(jsonPath("$.lines[1].rule").isNotEmpty())
			.andExpect(
					jsonPath("$.explanation", hasItem(org.hamcrest.Matchers.containsString("180.00 × 0.60 = 108.00"))));
		assertThat(balances(A_PATIENT)).containsExactly(0L, 480800L);
		assertThat(this.jdbc.queryForList("SELECT status FROM claim WHERE claim_no = 'A'", String.class))
			.containsExactly("SETTLED");
		assertThat(this.jdbc.queryForList("SELECT kind || ' ' || amount FROM ledger_entry ORDER BY kind", String.class))
			.containsExactly("CURRENT 20000", "HISTORICAL 19200");
		assertThat(
				this.jdbc.queryForList("SELECT fund_paid || ' ' || segment_used FROM person_year WHERE person_id = ?",
						String.class, A_PATIENT))
			.containsExactly("10800 100000");
	}

	@Test
	void settlesExampleBASecondAdmissionOverTheCap() throws Exception {
		ResultActions result = submit(claim("B", "HOS2", B_PATIENT, "INP", "2013-06-20",
				line("DRUG-A", "10000.00", "1", "10000.00"), line("ITEM-C", "500.00", "1", "500.00")))
			.andExpect(status().isCreated());

		expectAmounts(result, "10500.00", "500.00", "0.00", "300.00", "0.00", "970.00", "7730.00", "1000.00", "0.00",
				"100.00", "0.00", "9400.00");
		result.andExpect(jsonPath("$.codes", contains("W_OVER_CAP")));
		assertThat(balances(B_PATIENT)).containsExactly(0L, 0L);
		assertThat(this.jdbc.queryForList("SELECT fund_paid || ' ' || admissions FROM person_year WHERE person_id = ?",
				String.class, B_PATIENT))
			.containsExactly("15000000 2");
	}

	@Test
	void settlesExampleCAnUninsuredChildFromTheFathersAccount() throws Exception {
		ResultActions result = submit(
				claim("C", "HOS1", CHILD, "OUT", "2013-06-10", line("ITEM-B20", "100.00", "1", "100.00")))
			.andExpect(status().isCreated());

		expectAmounts(result, "100.00", "0.00", "20.00", "0.00", "0.00", "80.00", "0.00", "0.00", "0.00", "0.00",
				"100.00", "0.00");
		result.andExpect(jsonPath("$.familyPayments[0].grantorId").value(FATHER))
			.andExpect(jsonPath("$.familyPayments[0].amount").value("100.00"))
			.andExpect(jsonPath("$.familyPayments[1].grantorId").value(MOTHER))
			.andExpect(jsonPath("$.familyPayments[1].amount").value("0.00"));
		assertThat(balances(FATHER)).containsExactly(0L, 90000L);
		assertThat(balances(MOTHER)).containsExactly(0L, 5000L);
	}

	@Test
	void rejectsExampleCBeforeFamilyCoverageWithoutMovingMoney() throws Exception {
		this.jdbc.update("UPDATE family_binding SET valid_from = DATE '2013-01-01'");

		submit(claim("C-EARLY", "HOS1", CHILD, "OUT", "2013-04-30", line("ITEM-B20", "100.00", "1", "100.00")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.codes", contains("E_NOT_INSURED")))
			.andExpect(jsonPath("$.amounts.total").value("100.00"))
			.andExpect(jsonPath("$.amounts.familyAccount").value("0.00"));
		assertThat(balances(FATHER)).containsExactly(0L, 100000L);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isZero();
		assertThat(this.jdbc.queryForList("SELECT status FROM claim", String.class)).containsExactly("REJECTED");
	}

	@Test
	void aRejectedClaimSentAgainAfterTheRegistryIsMendedIsValuedAgain() throws Exception {
		this.jdbc.update("UPDATE person SET status = 'SUSPENDED' WHERE person_id = ?", A_PATIENT);
		Map<String, Object> body = claim("A", "HOS1", A_PATIENT, "OUT", "2013-06-01",
				line("DRUG-A", "300.00", "1", "300.00"), line("ITEM-B10", "200.00", "1", "200.00"));
		submit(body).andExpect(status().isCreated()).andExpect(jsonPath("$.codes", contains("E_COVERAGE_SUSPENDED")));
		this.jdbc.update("UPDATE person SET status = 'ACTIVE' WHERE person_id = ?", A_PATIENT);

		submit(body).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SETTLED"));

		assertThat(this.jdbc.queryForList("SELECT status FROM claim ORDER BY id", String.class))
			.containsExactly("REJECTED", "SETTLED");
		assertThat(balances(A_PATIENT)).containsExactly(0L, 480800L);
		this.mvc.perform(get("/api/claims/HOS1/A").with(clerk()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SETTLED"));
	}

	@Test
	void answersEveryRuleRejectionWith201AndMovesNoMoney() throws Exception {
		this.jdbc.update("UPDATE person SET status = 'SUSPENDED' WHERE person_id = ?", B_PATIENT);
		this.jdbc.update("INSERT INTO special_disease VALUES ('SD01', '尿毒症透析')");
		Map<String, Object> unknownDisease = claim("R-3", "HOS1", A_PATIENT, "SPD", "2013-06-01",
				line("DRUG-A", "10.00", "1", "10.00"));
		unknownDisease.put("specialDiseaseCode", "SD99");

		submit(claim("R-1", "HOS1", A_PATIENT, "OUT", "2012-12-31", line("DRUG-A", "10.00", "1", "10.00")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.codes", contains("E_DATES")));
		submit(claim("R-2", "HOS1", B_PATIENT, "OUT", "2013-06-01", line("DRUG-A", "10.00", "1", "10.00")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.codes", contains("E_COVERAGE_SUSPENDED")));
		submit(unknownDisease).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.codes", contains("E_SPECIAL_DISEASE")))
			.andExpect(jsonPath("$.amounts.cash").value("0.00"));

		assertThat(this.jdbc.queryForList("SELECT DISTINCT status FROM claim", String.class))
			.containsExactly("REJECTED");
		assertThat(this.jdbc.queryForList("SELECT reject_code FROM claim ORDER BY claim_no", String.class))
			.containsExactly("E_DATES", "E_COVERAGE_SUSPENDED", "E_SPECIAL_DISEASE");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM person_year WHERE year = 2012", Integer.class))
			.isZero();
		assertThat(balances(A_PATIENT)).containsExactly(20000L, 500000L);
	}

	@Test
	void settlesExampleDRoundingHalfUp() throws Exception {
		ResultActions result = submit(
				claim("D", "HOS3", D_PATIENT, "INP", "2013-06-05", line("ITEM-B15", "333.33", "1", "333.33")))
			.andExpect(status().isCreated());

		expectAmounts(result, "333.33", "0.00", "50.00", "283.33", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
				"0.00", "333.33");
		assertThat(this.jdbc.queryForList("SELECT admissions FROM person_year WHERE person_id = ?", Integer.class,
				D_PATIENT))
			.containsExactly(1);
	}

	@Test
	void chargesTheAdhocFirstSelfPayOnlyForAnUnregisteredOutOfAreaStay() throws Exception {
		Map<String, Object> unregistered = claim("AWAY-1", "SH0001", AWAY, "OUT", "2013-06-01",
				line("DRUG-A", "1000.00", "1", "1000.00"));
		hospital(unregistered).putAll(Map.of("name", "上海某医院", "level", "TERTIARY", "region", "OUT_OF_AREA"));
		unregistered.put("reason", "OUT_OF_AREA");
		Map<String, Object> registered = claim("AWAY-2", "SH0001", AWAY_REGISTERED, "OUT", "2013-06-01",
				line("DRUG-A", "1000.00", "1", "1000.00"));
		registered.put("reason", "OUT_OF_AREA");
		registered.put("registered", true);

		ResultActions first = submit(unregistered).andExpect(status().isCreated());
		ResultActions second = submit(registered).andExpect(status().isCreated());

		// E 1000.00, first self-pay 100.00; fund round(900.00 × 0.60); the historical
		// account pays 360.00 + 自理 100.00
		expectAmounts(first, "1000.00", "0.00", "100.00", "0.00", "0.00", "360.00", "0.00", "540.00", "0.00", "460.00",
				"0.00", "0.00");
		first.andExpect(
				jsonPath("$.explanation", hasItem(org.hamcrest.Matchers.startsWith("Ad-hoc first self-pay 100.00"))));
		expectAmounts(second, "1000.00", "0.00", "0.00", "0.00", "0.00", "400.00", "0.00", "600.00", "0.00", "400.00",
				"0.00", "0.00");
		assertThat(this.jdbc
			.queryForMap("SELECT level, region, designated, registered FROM hospital WHERE code = 'SH0001'"))
			.containsValues("TERTIARY", "OUT_OF_AREA", false, false);
		assertThat(this.jdbc.queryForList(
				"SELECT adhoc_reason || ' ' || registered_in_advance || ' ' || entered_by FROM claim ORDER BY id",
				String.class))
			.containsExactly("OUT_OF_AREA false clerk", "OUT_OF_AREA true clerk");
	}

	@Test
	void takesLevelAndRegionOfARegistryHospitalFromTheRegistry() throws Exception {
		Map<String, Object> body = claim("A-AWAY", "HOS1", A_PATIENT, "OUT", "2013-06-01",
				line("DRUG-A", "300.00", "1", "300.00"), line("ITEM-B10", "200.00", "1", "200.00"));
		hospital(body).putAll(Map.of("level", "COMMUNITY", "region", "OUT_OF_AREA"));

		// the clerk's OUT_OF_AREA is ignored: HOS1 is LOCAL, so no first self-pay, and
		// TERTIARY's 0.60
		expectAmounts(submit(body).andExpect(status().isCreated()), "500.00", "0.00", "20.00", "0.00", "100.00",
				"72.00", "0.00", "108.00", "200.00", "192.00", "0.00", "0.00");
	}

	@Test
	void previewValuesWithoutChangingAnythingButTheAuditTrail() throws Exception {
		Map<String, Object> body = claim("A", "HOS1", A_PATIENT, "OUT", "2013-06-01",
				line("DRUG-A", "300.00", "1", "300.00"), line("ITEM-B10", "200.00", "1", "200.00"));
		ResultActions preview = this.mvc
			.perform(post("/api/adhoc-claims/preview").with(clerk())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(body)))
			.andExpect(status().isOk());

		expectAmounts(preview, "500.00", "0.00", "20.00", "0.00", "100.00", "72.00", "0.00", "108.00", "200.00",
				"192.00", "0.00", "0.00");
		assertThat(balances(A_PATIENT)).containsExactly(20000L, 500000L);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isZero();
		assertThat(this.jdbc.queryForList("SELECT username || ' ' || action FROM adhoc_audit", String.class))
			.containsExactly("clerk PREVIEWED");
	}

	@Test
	void takesClaimsAsJsonOnly() throws Exception {
		this.mvc
			.perform(post("/api/adhoc-claims").with(clerk())
				.with(csrf())
				.contentType(MediaType.TEXT_PLAIN)
				.content(json(claim("A", "HOS1", A_PATIENT, "OUT", "2013-06-01", line("DRUG-A", "1.00", "1", "1.00")))))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();
	}

	@Test
	void previewOfAStrangerIsRejectedWith200() throws Exception {
		this.mvc
			.perform(post("/api/adhoc-claims/preview").with(clerk())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(claim("X", "HOS1", STRANGER, "OUT", "2013-06-01", line("DRUG-A", "1.00", "1", "1.00")))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.codes", contains("E_NOT_INSURED")));
	}

	@Test
	void answersTheSameContentAgainWithTheEarlierResultAndOtherContentWithConflict() throws Exception {
		Map<String, Object> body = claim("A", "HOS1", A_PATIENT, "OUT", "2013-06-01",
				line("DRUG-A", "300.00", "1", "300.00"), line("ITEM-B10", "200.00", "1", "200.00"));
		String first = submit(body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

		String again = submit(body).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		AdhocRequests.line(body, 0).putAll(Map.of("unitPrice", "299.00", "amount", "299.00"));
		submit(body).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("E_DUPLICATE_CLAIM"))
			.andExpect(jsonPath("$.status").value(409));

		assertThat(again).isEqualTo(first);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM settlement", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isEqualTo(2);
		assertThat(balances(A_PATIENT)).containsExactly(0L, 480800L);
		assertThat(this.jdbc.queryForList("SELECT action FROM adhoc_audit ORDER BY id", String.class))
			.containsExactly("SUBMITTED", "SETTLED", "RESUBMITTED", "REFUSED");
	}

	@Test
	void refusesANumberAFileClaimHoldsAndAcceptsOneWhoseClaimWasRejected() throws Exception {
		TestRegistry files = new TestRegistry(this.jdbc);
		files.file("HOS1", "HOS1_20130701_001.clm");
		files.claim("F-1", A_PATIENT, "OUT", LocalDate.of(2013, 6, 1), "DRUG-A", 1000);
		long rejected = files.claim("F-2", A_PATIENT, "OUT", LocalDate.of(2013, 6, 1), "DRUG-A", 1000);
		this.jdbc.update("UPDATE claim SET status = 'REJECTED', reject_code = 'E_CLAIM_TOTAL' WHERE id = ?", rejected);

		submit(claim("F-1", "HOS1", A_PATIENT, "OUT", "2013-06-01", line("DRUG-A", "10.00", "1", "10.00")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("E_DUPLICATE_CLAIM"));
		submit(claim("F-2", "HOS1", A_PATIENT, "OUT", "2013-06-01", line("DRUG-A", "10.00", "1", "10.00")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SETTLED"));

		this.mvc.perform(get("/api/claims/HOS1/F-2").with(clerk()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("ADHOC"))
			.andExpect(jsonPath("$.status").value("SETTLED"))
			.andExpect(jsonPath("$.settlement.amounts.currentAccount").value("10.00"));
	}

	@Test
	void showsAClaimWithItsLinesSettlementAndAuditTrail() throws Exception {
		submit(claim("A", "HOS1", A_PATIENT, "OUT", "2013-06-01", line("DRUG-A", "100.0000", "3", "300.00"),
				line("ITEM-B10", "66.667", "3", "200.00")))
			.andExpect(status().isCreated());

		this.mvc.perform(get("/api/claims/HOS1/A").with(clerk()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hospitalCode").value("HOS1"))
			.andExpect(jsonPath("$.claimNo").value("A"))
			.andExpect(jsonPath("$.source").value("ADHOC"))
			.andExpect(jsonPath("$.patientId").value(A_PATIENT))
			.andExpect(jsonPath("$.reason").value("EMERGENCY"))
			.andExpect(jsonPath("$.total").value("500.00"))
			.andExpect(jsonPath("$.lines[0].unitPrice").value("100.00"))
			.andExpect(jsonPath("$.lines[1].unitPrice").value("66.667"))
			.andExpect(jsonPath("$.lines[1].quantity").value("3"))
			.andExpect(jsonPath("$.settlement.amounts.fund").value("108.00"))
			.andExpect(jsonPath("$.settlement.lines", hasSize(2)))
			.andExpect(jsonPath("$.audit[*].action", contains("SUBMITTED", "SETTLED")))
			.andExpect(jsonPath("$.audit[0].user").value("clerk"));
		this.mvc.perform(get("/api/claims/HOS1/NOPE").with(clerk()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
	}

	@Test
	void showsAClaimFromAFileBeforeAndAfterItIsSettled() throws Exception {
		TestRegistry files = new TestRegistry(this.jdbc);
		files.file("HOS1", "HOS1_20130701_001.clm");
		files.claim("F-1", A_PATIENT, "OUT", LocalDate.of(2013, 6, 1), "DRUG-A", 1000);

		this.mvc.perform(get("/api/claims/HOS1/F-1").with(clerk()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("FILE"))
			.andExpect(jsonPath("$.fileName").value("HOS1_20130701_001.clm"))
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andExpect(jsonPath("$.settlement").doesNotExist());
	}

	@Test
	void showsAPersonsAccountAndYearlyTotals() throws Exception {
		this.mvc.perform(get("/api/persons/" + A_PATIENT + "/account").with(clerk()))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"personId": "%s", "currentAccount": "200.00", "historicalAccount": "5000.00",
					 "years": [{"year": 2013, "fundPaid": "0.00", "segmentUsed": "900.00", "admissions": 0}]}
					""".formatted(A_PATIENT), org.springframework.test.json.JsonCompareMode.STRICT));
		this.mvc.perform(get("/api/persons/" + STRANGER + "/account").with(clerk()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
		this.mvc.perform(get("/api/persons/330282198001011230/account").with(clerk()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("E_PERSON_ID"))
			.andExpect(jsonPath("$.errors[0].field").value("personId"));
	}

	@Test
	void letsOnlyClerksUseTheDeskApiAndOperatorsReadClaims() throws Exception {
		String body = json(claim("A", "HOS1", A_PATIENT, "OUT", "2013-06-01", line("DRUG-A", "1.00", "1", "1.00")));
		for (String path : List.of("/api/adhoc-claims", "/api/adhoc-claims/preview")) {
			this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isUnauthorized());
			this.mvc.perform(
					post(path).with(httpBasic("clerk", "wrong")).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isUnauthorized());
			this.mvc
				.perform(post(path).with(httpBasic("operator", "operator"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isForbidden());
		}
		String account = "/api/persons/" + A_PATIENT + "/account";
		this.mvc.perform(get(account)).andExpect(status().isUnauthorized());
		this.mvc.perform(get(account).with(httpBasic("operator", "operator"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/claims/HOS1/A")).andExpect(status().isUnauthorized());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();

		this.mvc
			.perform(post("/api/adhoc-claims").with(httpBasic("clerk", "clerk"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/claims/HOS1/A").with(httpBasic("operator", "operator"))).andExpect(status().isOk());
		this.mvc.perform(get(account).with(httpBasic("clerk", "clerk"))).andExpect(status().isOk());
		assertThat(this.jdbc.queryForList("SELECT username FROM adhoc_audit", String.class)).containsOnly("clerk");
	}

	private ResultActions submit(Map<String, Object> body) throws Exception {
		return this.mvc.perform(post("/api/adhoc-claims").with(clerk())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body)));
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor clerk() {
		return user("clerk").roles("CLERK");
	}

	private static void expectAmounts(ResultActions result, String... amounts) throws Exception {
		String[] names = { "total", "selfPay", "selfPayFirst", "deductible", "segment", "coinsurance", "overCap",
				"fund", "currentAccount", "historicalAccount", "familyAccount", "cash" };
		for (int i = 0; i < names.length; i++) {
			result.andExpect(jsonPath("$.amounts." + names[i]).value(amounts[i]));
		}
	}

	private List<Object> balances(String person) {
		return List.copyOf(this.jdbc
			.queryForMap("SELECT current_account, historical_account FROM person WHERE person_id = ?", person)
			.values());
	}

}
