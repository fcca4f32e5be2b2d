package org.medclaims.adhoc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medclaims.Examples;
import org.medclaims.system.Command;
import org.medclaims.system.MedclaimsProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.adhoc.AdhocRequests.claim;
import static org.medclaims.adhoc.AdhocRequests.hospital;
import static org.medclaims.adhoc.AdhocRequests.json;
import static org.medclaims.adhoc.AdhocRequests.line;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the claim API and the ad-hoc API answer, byte for byte, on the spec's example and
 * a few ad-hoc claims that reach every sentence (first self-pay, a unit price typed with
 * two decimals above the maximum, an uninsured relative, an uncertified special disease):
 * the answers in {@code claim-api/answers.json} were taken from the code that stored the
 * explanation as JSON sentences (commit 45208b3), the explanations now rendered from
 * stored facts. The same answers come from rows in that old form,
 * {@code claim-api/legacy-details.json}, as that code wrote them.
 */
@SpringBootTest(properties = { "medclaims.security.users.clerk.password={noop}clerk",
		"medclaims.security.users.clerk.roles=CLERK" })
class ClaimApiAnswersTests {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@DynamicPropertySource
	static void exampleRegistry(DynamicPropertyRegistry registry) {
		registry.add("medclaims.reference-dir", () -> Examples.reference().toString());
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	List<Command> commands;

	@Autowired
	MedclaimsProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void answerAsTheCodeThatStoredSentencesDidFromBothForms() throws Exception {
		Examples.copyInbound(this.properties.inboundDir());
		assertThat(this.commands.stream()
			.filter(c -> c.name().equals("run-once"))
			.findFirst()
			.orElseThrow()
			.run(List.of())).isZero();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		for (Map.Entry<String, Map<String, Object>> adhoc : adhocClaims().entrySet()) {
			String body = json(adhoc.getValue());
			answers.put("preview " + adhoc.getKey(), answer(mvc, post("/api/adhoc-claims/preview"), body));
			answers.put("submit " + adhoc.getKey(), answer(mvc, post("/api/adhoc-claims"), body));
		}
		answers.put("submit again ADH-1", answer(mvc, post("/api/adhoc-claims"), json(adhocClaims().get("ADH-1"))));
		List<String[]> claims = this.jdbc.query(
				"SELECT hospital_code, claim_no FROM claim ORDER BY hospital_code, claim_no",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2) });
		assertThat(claims).hasSizeGreaterThan(60);
		for (String[] c : claims) {
			answers.put("claim " + c[0] + "/" + c[1], answer(mvc, get("/api/claims/{h}/{n}", c[0], c[1]), null));
		}
		Path target = Path.of("target", "claim-api");
		Files.createDirectories(target);
		Files.writeString(target.resolve("answers.json"), JSON.writeValueAsString(answers));
		assertThat(JSON.writeValueAsString(answers)).isEqualTo(resource("answers.json"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM settlement WHERE detail IS NOT NULL", Integer.class))
			.as("settlements that still store sentences")
			.isZero();

		// the same database as the code before facts left it: JSON sentences in detail,
		// no facts
		int rows = 0;
		for (Map.Entry<String, JsonNode> legacy : JSON.readTree(resource("legacy-details.json")).properties()) {
			String[] number = legacy.getKey().split("/");
			rows += this.jdbc.update("""
					UPDATE settlement s SET detail = ?, facts = NULL FROM claim c
					WHERE c.id = s.claim_id AND c.hospital_code = ? AND c.claim_no = ?
					""", legacy.getValue().stringValue(), number[0], number[1]);
		}
		assertThat(rows).isEqualTo(this.jdbc.queryForObject("SELECT count(*) FROM settlement", Integer.class));
		for (String[] c : claims) {
			String key = "claim " + c[0] + "/" + c[1];
			assertThat(answer(mvc, get("/api/claims/{h}/{n}", c[0], c[1]), null)).as("from the old form: " + key)
				.isEqualTo(answers.get(key));
		}
	}

	private static JsonNode answer(MockMvc mvc,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
			throws Exception {
		request.with(user("clerk").roles("CLERK")).with(csrf());
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		var response = mvc.perform(request).andReturn().getResponse();
		ObjectNode answer = JSON.createObjectNode();
		answer.put("status", response.getStatus());
		JsonNode content = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		// instants differ from run to run
		if (content.has("settledAt")) {
			((ObjectNode) content).remove("settledAt");
		}
		if (content.has("audit")) {
			content.get("audit").forEach(entry -> ((ObjectNode) entry).remove("at"));
		}
		answer.set("body", content);
		return answer;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> adhocClaims() {
		Map<String, Map<String, Object>> claims = new LinkedHashMap<>();
		// out of area, not registered in advance: first self-pay; 200.50 typed with two
		// decimals above the 188.00 maximum
		Map<String, Object> away = claim("ADH-1", "SH0001", "330282194901117928", "INP", "2013-07-02",
				line("X00001", "200.50", "2", "401.00"), line("X00004", "1000.00", "1", "1000.00"),
				line("NOT-LISTED", "10.00", "1", "10.00"), line("X00049", "3.1250", "4", "12.50"),
				line("X00007", "140.125", "1", "140.13"));
		hospital(away).put("name", "上海某医院");
		hospital(away).put("level", "TERTIARY");
		hospital(away).put("region", "OUT_OF_AREA");
		away.put("reason", "OUT_OF_AREA");
		claims.put("ADH-1", away);
		// an uninsured child whose bound parent's historical account is empty
		claims.put("ADH-2", claim("ADH-2", "H330282002", "330282196011263818", "OUT", "2013-08-01",
				line("X00000", "50.00", "1", "50.00"), line("X00049", "20.00", "1", "20.00")));
		// a special disease without certification: valued as outpatient
		Map<String, Object> spd = claim("ADH-3", "H330282003", "330282198901071665", "SPD", "2013-09-01",
				line("X00004", "800.00", "1", "800.00"));
		spd.put("specialDiseaseCode", "SD02");
		claims.put("ADH-3", spd);
		// the rules reject it: a stranger
		claims.put("ADH-4", claim("ADH-4", "H330282001", org.medclaims.TestRegistry.id("33028219900101001"), "OUT",
				"2013-08-01", line("X00000", "50.00", "1", "50.00")));
		return claims;
	}

	private static String resource(String name) throws Exception {
		try (var in = ClaimApiAnswersTests.class.getResourceAsStream("/claim-api/" + name)) {
			assertThat(in).as("test resource claim-api/" + name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
