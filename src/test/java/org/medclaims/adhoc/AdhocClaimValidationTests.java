package org.medclaims.adhoc;

import org.medclaims.TestRegistry;
import org.medclaims.system.RequestBodyLimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.medclaims.adhoc.AdhocRequests.claim;
import static org.medclaims.adhoc.AdhocRequests.hospital;
import static org.medclaims.adhoc.AdhocRequests.json;
import static org.medclaims.adhoc.AdhocRequests.line;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every malformed field of an ad-hoc claim is a 400 problem naming it; nothing is stored
 * or settled.
 */
@SpringBootTest
class AdhocClaimValidationTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		TestRegistry.workedExamples(this.jdbc);
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	static Map<String, Object> valid() {
		return claim("V-1", "HOS1", A_PATIENT, "OUT", "2013-06-01", line("DRUG-A", "12.50", "2", "25.00"),
				line("ITEM-B10", "3.3333", "3", "10.00"));
	}

	@Test
	void acceptsTheValidClaimTheOtherCasesSpoil() throws Exception {
		preview(json(valid())).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SETTLED"));
	}

	@Test
	void namesEachMissingField() throws Exception {
		Map<String, Object> body = valid();
		for (String field : List.of("claimNo", "patientId", "visitType", "startDate", "endDate", "reason")) {
			body.remove(field);
		}
		hospital(body).remove("code");
		AdhocRequests.line(body, 1).remove("itemCode");
		AdhocRequests.line(body, 1).remove("amount");

		expectInvalid(body, "INVALID_INPUT", "claimNo", "hospital.code", "patientId", "visitType", "startDate",
				"endDate", "reason", "lines[1].itemCode", "lines[1].amount");
	}

	@Test
	void namesFieldsOfTheWrongFormat() throws Exception {
		expectInvalid(with(b -> b.put("claimNo", "A/1")), "INVALID_INPUT", "claimNo");
		expectInvalid(with(b -> b.put("claimNo", "A".repeat(33))), "INVALID_INPUT", "claimNo");
		expectInvalid(with(b -> hospital(b).put("code", "h1")), "INVALID_INPUT", "hospital.code");
		expectInvalid(with(b -> hospital(b).put("level", "HUGE")), "INVALID_INPUT", "hospital.level");
		expectInvalid(with(b -> hospital(b).put("region", "MARS")), "INVALID_INPUT", "hospital.region");
		expectInvalid(with(b -> b.put("reason", "BORED")), "INVALID_INPUT", "reason");
		expectInvalid(with(b -> b.put("startDate", "2013-02-30")), "INVALID_INPUT", "startDate");
		expectInvalid(with(b -> b.put("startDate", "0000-01-01")), "INVALID_INPUT", "startDate");
		expectInvalid(with(b -> b.put("endDate", "20130601")), "INVALID_INPUT", "endDate");
		expectInvalid(with(b -> b.put("patientName", "x".repeat(51))), "INVALID_INPUT", "patientName");
		expectInvalid(with(b -> b.put("diagnosisCode", "K35|9")), "INVALID_INPUT", "diagnosisCode");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).put("itemCode", "I".repeat(41))), "INVALID_INPUT",
				"lines[0].itemCode");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).put("itemName", "n".repeat(101))), "INVALID_INPUT",
				"lines[0].itemName");
	}

	@Test
	void takesUnitPricesAsPeopleTypeThemWithNoneToFourDecimals() throws Exception {
		Map<String, String> amounts = Map.of("80", "160.00", "80.5", "161.00", "80.50", "161.00", "80.5001", "161.00");
		for (Map.Entry<String, String> price : amounts.entrySet()) {
			preview(json(claim("P-1", "HOS1", A_PATIENT, "OUT", "2013-06-01",
					line("DRUG-A", price.getKey(), "2", price.getValue()))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.amounts.total").value(price.getValue()));
		}
	}

	@Test
	void namesTheLineAsPeopleCountItAndKeepsTheFieldPath() throws Exception {
		preview(json(with(b -> AdhocRequests.line(b, 1).put("unitPrice", "3.33333"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[1].unitPrice"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("line 2, unitPrice must be yuan")));
	}

	@Test
	void checksTheWayMoneyAndQuantitiesAreWritten() throws Exception {
		expectInvalid(with(b -> AdhocRequests.line(b, 0).putAll(Map.of("unitPrice", "12.5", "amount", "25.0"))),
				"INVALID_INPUT", "lines[0].amount");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).put("unitPrice", "12.50000")), "INVALID_INPUT",
				"lines[0].unitPrice");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).put("unitPrice", "-12.50")), "INVALID_INPUT",
				"lines[0].unitPrice");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).put("quantity", "2.0001")), "INVALID_INPUT",
				"lines[0].quantity");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).put("amount", "12345678901.00")), "INVALID_INPUT",
				"lines[0].amount");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).put("amount", 25.00)), "INVALID_INPUT", "lines[0].amount");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).put("quantity", 2)), "INVALID_INPUT", "lines[0].quantity");
	}

	@Test
	void answersTheSpecCodeWhenOnlySpecRulesAreBroken() throws Exception {
		expectInvalid(with(b -> b.put("patientId", "330282198001011230")), "E_PERSON_ID", "patientId");
		expectInvalid(with(b -> b.put("visitType", "ER")), "E_VISIT_TYPE", "visitType");
		expectInvalid(with(b -> b.put("startDate", "2013-06-02")), "E_DATES", "endDate");
		expectInvalid(with(b -> b.putAll(Map.of("startDate", "2099-01-01", "endDate", "2099-01-02"))), "E_DATES",
				"endDate");
		// 3.3333 × 3 = 9.9999, which rounds half-up to 10.00; 9.99 is wrong
		expectInvalid(with(b -> AdhocRequests.line(b, 1).put("amount", "9.99")), "E_LINE_AMOUNT", "lines[1].amount");
		expectInvalid(
				with(b -> AdhocRequests.line(b, 1).putAll(Map.of("unitPrice", "9999999999.00", "quantity", "9999999"))),
				"E_LINE_AMOUNT", "lines[1].amount");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).putAll(Map.of("quantity", "0", "amount", "0.00"))),
				"E_LINE_AMOUNT", "lines[0].quantity");
		// several problems: the first code in claim-files.md's table order decides
		expectInvalid(with(b -> {
			b.put("visitType", "ER");
			b.put("patientId", "330282198001011230");
		}), "E_PERSON_ID", "patientId", "visitType");
		expectInvalid(with(b -> {
			b.put("visitType", "ER");
			b.put("claimNo", "");
		}), "INVALID_INPUT", "claimNo", "visitType");
	}

	@Test
	void limitsTheNumberOfLines() throws Exception {
		expectInvalid(with(b -> b.put("lines", List.of())), "INVALID_INPUT", "lines");
		List<Object> many = new ArrayList<>();
		for (int i = 0; i <= AdhocClaimValidator.MAX_LINES; i++) {
			many.add(line("DRUG-A", "1.00", "1", "1.00"));
		}
		expectInvalid(with(b -> b.put("lines", many)), "INVALID_INPUT", "lines");
		expectInvalid(with(b -> b.put("lines", "DRUG-A")), "INVALID_INPUT", "lines");
	}

	@Test
	void refusesUnknownFieldsAndWrongTypes() throws Exception {
		expectInvalid(with(b -> b.put("claimNumber", "X")), "INVALID_INPUT", "claimNumber");
		expectInvalid(with(b -> AdhocRequests.line(b, 0).put("price", "1.00")), "INVALID_INPUT", "lines[0].price");
		expectInvalid(with(b -> b.put("registered", "yes")), "INVALID_INPUT", "registered");
		expectInvalid(with(b -> b.put("hospital", "HOS1")), "INVALID_INPUT", "hospital", "hospital.code");
		expectInvalid(with(b -> b.put("patientId", 330282198001011237L)), "INVALID_INPUT", "patientId");
	}

	@Test
	void needsNameLevelAndRegionForAHospitalOutsideTheRegistry() throws Exception {
		expectInvalid(with(b -> hospital(b).put("code", "SH0001")), "INVALID_INPUT", "hospital.name", "hospital.level",
				"hospital.region");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM hospital WHERE code = 'SH0001'", Integer.class))
			.isZero();
	}

	@Test
	void answersMalformedBodiesWith400AndOversizedOnesWith413() throws Exception {
		expectProblem(preview("{\"claimNo\": "), "INVALID_INPUT", "body");
		expectProblem(preview("[1, 2]"), "INVALID_INPUT", "body");
		expectProblem(preview(""), "INVALID_INPUT", "body");
		preview("{\"claimNo\": \"" + "x".repeat(RequestBodyLimit.MAX_BODY_BYTES) + "\"}")
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
		expectProblem(this.mvc.perform(post("/api/adhoc-claims").with(user("clerk").roles("CLERK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("not json")), "INVALID_INPUT", "body");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();
	}

	private static Map<String, Object> with(Consumer<Map<String, Object>> spoil) {
		Map<String, Object> body = valid();
		spoil.accept(body);
		return body;
	}

	private void expectInvalid(Map<String, Object> body, String code, String... fields) throws Exception {
		expectProblem(preview(json(body)), code, fields);
		expectProblem(this.mvc.perform(post("/api/adhoc-claims").with(user("clerk").roles("CLERK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))), code, fields);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isZero();
	}

	private static void expectProblem(ResultActions result, String code, String... fields) throws Exception {
		result.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder((Object[]) fields)))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
	}

	private ResultActions preview(String body) throws Exception {
		return this.mvc.perform(post("/api/adhoc-claims/preview").with(user("clerk").roles("CLERK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
