package org.medclaims.claims;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.TestRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.medclaims.TestRegistry.B_PATIENT;
import static org.medclaims.TestRegistry.line;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The claim search and catalog look-up of the API, its CSV, and the API's body limit on a
 * real server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"medclaims.security.users.carl.password={noop}carl-pw", "medclaims.security.users.carl.roles=CLERK" })
class ClaimSearchApiTests {

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	MockMvc mvc;

	@BeforeEach
	void twelveClaimsOfTwoPatientsAtTwoHospitals() {
		TestRegistry given = TestRegistry.workedExamples(this.jdbc);
		given.file("HOS1", "HOS1_20130701_001.clm");
		for (int day = 1; day <= 8; day++) {
			given.claim("A-" + day, A_PATIENT, "OUT", LocalDate.of(2013, 6, day), "DRUG-A", 1000L * day);
		}
		given.file("HOS2", "HOS2_20130701_001.clm");
		for (int day = 1; day <= 3; day++) {
			given.claim("B-" + day, B_PATIENT, "OUT", LocalDate.of(2013, 6, day), "DRUG-A", 500L);
		}
		given.claim("A-HOS2", A_PATIENT, "INP", LocalDate.of(2013, 7, 1), "ITEM-B10", 77700L);
		this.jdbc.update("UPDATE claim SET status = 'REJECTED', reject_code = 'E_CLAIM_TOTAL' WHERE claim_no = 'A-3'");
		this.jdbc.update("""
				INSERT INTO settlement (claim_id, status, message, total, self_pay, self_pay_first, deductible, segment,
				    coinsurance, over_cap, fund, current_account, historical_account, family_account, cash)
				SELECT id, 'SETTLED', 'settled', total_amount, 0, 0, 0, 0, 0, 0, total_amount - 100, 100, 0, 0, 0
				  FROM claim WHERE claim_no IN ('A-1', 'A-2')""");
		this.jdbc.update("UPDATE claim SET status = 'SETTLED' WHERE claim_no IN ('A-1', 'A-2')");
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void findsAPatientsClaimsNewestFirstAPageAtATimeWithTheCount() throws Exception {
		search(Map.of("patientId", A_PATIENT, "size", "4")).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(9))
			.andExpect(jsonPath("$.totalPages").value(3))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.content[*].claimNo").value(contains("A-HOS2", "A-8", "A-7", "A-6")))
			.andExpect(jsonPath("$.content[0].hospitalCode").value("HOS2"))
			.andExpect(jsonPath("$.content[0].total").value("777.00"))
			.andExpect(jsonPath("$.content[0].status").value("RECEIVED"))
			.andExpect(jsonPath("$.content[0].fund").value(nullValue()));
		search(Map.of("patientId", A_PATIENT, "size", "4", "page", "2")).andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].claimNo").value(contains("A-1")))
			.andExpect(jsonPath("$.content[0].fund").value("9.00"))
			.andExpect(jsonPath("$.content[0].currentAccount").value("1.00"))
			.andExpect(jsonPath("$.content[0].settledAt").isNotEmpty());
	}

	@Test
	void filtersByHospitalStatusAndServiceDates() throws Exception {
		search(Map.of("hospital", "HOS2")).andExpect(jsonPath("$.total").value(4));
		search(Map.of("hospital", "hos2", "patientId", A_PATIENT))
			.andExpect(jsonPath("$.content[*].claimNo").value(contains("A-HOS2")));
		search(Map.of("status", "settled")).andExpect(jsonPath("$.content[*].claimNo").value(contains("A-2", "A-1")));
		search(Map.of("status", "REJECTED")).andExpect(jsonPath("$.content[*].claimNo").value(contains("A-3")))
			.andExpect(jsonPath("$.content[0].rejectCode").value("E_CLAIM_TOTAL"));
		search(Map.of("from", "2013-06-02", "to", "2013-06-03", "hospital", "HOS1"))
			.andExpect(jsonPath("$.content[*].claimNo").value(contains("A-3", "A-2")));
		search(Map.of("to", "2013-06-01")).andExpect(jsonPath("$.total").value(2));
	}

	@Test
	void refusesBadCriteriaNamingEachOne() throws Exception {
		search(Map.of("patientId", "330282198001011230", "status", "PAID", "from", "2013-02-30"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[*].field").value(contains("patientId", "status", "from")));
		search(Map.of("size", "500")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		search(Map.of("page", "x")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		this.mvc.perform(get("/api/claims").with(user("olga").roles("OPERATOR"))).andExpect(status().isOk());
	}

	@Test
	void theCsvExportHoldsExactlyTheClaimsOfTheSearchInItsOrder() throws Exception {
		List<String> paged = new ArrayList<>();
		for (int page = 0; page < 5; page++) {
			String json = search(Map.of("from", "2013-06-02", "size", "3", "page", String.valueOf(page))).andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			List<Map<String, Object>> content = JsonPath.read(json, "$.content");
			content.forEach(c -> paged.add(c.get("hospitalCode") + "/" + c.get("claimNo") + " " + c.get("patientId")
					+ " " + c.get("total") + " " + c.get("status") + " " + c.get("fund")));
		}
		String csv = this.mvc
			.perform(
					get("/api/claims").param("from", "2013-06-02").accept("text/csv").with(user("carl").roles("CLERK")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		var parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv));
		List<CSVRecord> rows = parser.getRecords();
		List<String> exported = rows.stream()
			.map(r -> r.get("hospitalCode") + "/" + r.get("claimNo") + " " + r.get("patientId") + " " + r.get("total")
					+ " " + r.get("status") + " " + (r.get("fund").isEmpty() ? "null" : r.get("fund")))
			.toList();
		assertThat(paged).hasSize(10);
		assertThat(exported).isEqualTo(paged);
		assertThat(parser.getHeaderNames()).containsExactlyElementsOf(ClaimsCsv.COLUMNS);
	}

	@Test
	void looksUpCatalogItemsAsValidOnEachSideOfThe2013Adjustment() throws Exception {
		this.jdbc.update("""
				INSERT INTO catalog_item (item_code, name, self_pay_ratio, max_unit_price, valid_from, valid_to) VALUES
				    ('X00016', '项目16', 0.20, 93.5, DATE '2012-01-01', DATE '2013-04-30'),
				    ('X00016', '项目16', 0.10, 99.9999, DATE '2013-05-01', NULL),
				    ('X00017', '项目17', 0, NULL, DATE '2013-05-01', NULL)""");
		catalog("X0001", "2013-04-30").andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2013-04-30"))
			.andExpect(jsonPath("$.items[*].itemCode").value(contains("X00016")))
			.andExpect(jsonPath("$.items[0].class").value("B"))
			.andExpect(jsonPath("$.items[0].selfPayRatio").value("0.20"))
			.andExpect(jsonPath("$.items[0].maxUnitPrice").value("93.50"))
			.andExpect(jsonPath("$.items[0].validTo").value("2013-04-30"));
		catalog("x0001", "2013-05-01").andExpect(jsonPath("$.items[*].itemCode").value(contains("X00016", "X00017")))
			.andExpect(jsonPath("$.items[0].selfPayRatio").value("0.10"))
			.andExpect(jsonPath("$.items[0].maxUnitPrice").value("99.9999"))
			.andExpect(jsonPath("$.items[0].validTo").value(nullValue()))
			.andExpect(jsonPath("$.items[1].class").value("A"))
			.andExpect(jsonPath("$.items[1].maxUnitPrice").value(nullValue()));
		// by name prefix; class C; a wildcard typed is taken as it is
		catalog("ITEM-C", "2013-06-01").andExpect(jsonPath("$.items[0].class").value("C"));
		catalog("项目1", "2013-06-01").andExpect(jsonPath("$.items[*].name").value(contains("项目16", "项目17")));
		catalog("%", "2013-06-01").andExpect(jsonPath("$.items").isEmpty());
		this.mvc.perform(get("/api/catalog").with(user("carl").roles("CLERK")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("query"));
		catalog("X", "2013-13-01").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		this.mvc.perform(get("/api/catalog").param("query", "X").with(user("olga").roles("OPERATOR")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBodyOverTheLimitIsAnswered413AsProblemJson() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/adhoc-claims/preview"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("carl:carl-pw".getBytes()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024]))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM adhoc_audit", Integer.class)).isZero();
	}

	@Test
	void aScriptSendingBasicCredentialsWithEveryRequestIsCheckedOnce() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/claims").param("hospital", "HOS2").with(httpBasic("carl", "carl-pw")))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/api/claims").with(httpBasic("carl", "wrong"))).andExpect(status().isUnauthorized());
	}

	private ResultActions search(Map<String, String> parameters) throws Exception {
		var request = get("/api/claims").with(user("carl").roles("CLERK"));
		parameters.forEach(request::param);
		return this.mvc.perform(request);
	}

	private ResultActions catalog(String query, String date) throws Exception {
		return this.mvc
			.perform(get("/api/catalog").param("query", query).param("date", date).with(user("carl").roles("CLERK")));
	}

}
