package org.medclaims.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "medclaims.security.users.olga.password={noop}olga-pw",
		"medclaims.security.users.olga.roles=OPERATOR", "medclaims.security.users.carl.password={noop}carl-pw",
		"medclaims.security.users.carl.roles=CLERK", "medclaims.security.users.both.password={noop}both-pw",
		"medclaims.security.users.both.roles=CLERK, OPERATOR" })
class SecurityRulesTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	UserDetailsService users;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void anonymousApiCallsGet401AsProblemJson() throws Exception {
		for (MockHttpServletRequestBuilder call : new MockHttpServletRequestBuilder[] { get("/api/jobs/executions"),
				post("/api/jobs/settlement"), post("/api/adhoc-claims/preview"), post("/api/adhoc-claims"),
				get("/api/claims/H330282001/C1"), get("/api/persons/330282198001011237/account"), get("/api/claims"),
				get("/api/catalog").param("query", "X"), get("/actuator/metrics") }) {
			this.mvc.perform(call)
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Basic realm=\"medclaims\""))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(401))
				.andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
		}
	}

	@Test
	void aWrongPasswordIs401() throws Exception {
		this.mvc.perform(get("/api/jobs/executions").with(httpBasic("olga", "wrong")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
	}

	@Test
	void jobsAreForOperators() throws Exception {
		expect(get("/api/jobs/executions"), "carl", 403);
		expect(post("/api/jobs/settlement"), "carl", 403);
		expect(post("/api/jobs/executions/1/restart"), "carl", 403);
		expect(get("/api/jobs/executions"), "olga", 200);
		expect(get("/api/jobs/executions"), "both", 200);
	}

	@Test
	void adhocClaimsAndPersonsAreForClerks() throws Exception {
		expect(post("/api/adhoc-claims/preview"), "olga", 403);
		expect(post("/api/adhoc-claims"), "olga", 403);
		expect(get("/api/persons/330282198001011237/account"), "olga", 403);
		// the controllers come later: a clerk passes security and meets a 404
		expectAllowed(post("/api/adhoc-claims/preview").contentType(MediaType.APPLICATION_JSON).content("{}"), "carl");
		expectAllowed(get("/api/persons/330282198001011237/account"), "carl");
		expect(get("/api/catalog").param("query", "X"), "olga", 403);
		expect(get("/api/catalog").param("query", "X"), "carl", 200);
	}

	@Test
	void claimLookUpsAreForClerksAndOperators() throws Exception {
		expectAllowed(get("/api/claims/H330282001/C1"), "carl");
		expectAllowed(get("/api/claims/H330282001/C1"), "olga");
		expect(get("/api/claims"), "carl", 200);
		expect(get("/api/claims"), "olga", 200);
	}

	@Test
	void reversalsAreMadeByClerksAndReportedToClerksAndOperators() throws Exception {
		expect(post("/api/claims/H330282001/C1/reversal"), "olga", 403);
		expectAllowed(post("/api/claims/H330282001/C1/reversal").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"wrong\"}"), "carl");
		expectAllowed(get("/api/reversals"), "carl");
		expectAllowed(get("/api/reversals"), "olga");
		this.mvc.perform(post("/api/claims/H330282001/C1/reversal")).andExpect(status().isUnauthorized());
	}

	@Test
	void theRolloverIsForOperators() throws Exception {
		expect(post("/api/jobs/rollover").contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2013}"), "carl",
				403);
		expectAllowed(post("/api/jobs/rollover").contentType(MediaType.APPLICATION_JSON).content("{}"), "olga");
	}

	@Test
	void theApiIsStatelessAndNeedsNoCsrfToken() throws Exception {
		this.mvc.perform(post("/api/jobs/executions/424242/abandon").with(httpBasic("olga", "olga-pw")))
			.andExpect(status().isNotFound())
			.andExpect(header().doesNotExist("Set-Cookie"));
	}

	@Test
	void healthIsPublicAndOtherActuatorEndpointsAreForOperators() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		expect(get("/actuator/metrics"), "carl", 403);
		expect(get("/actuator/metrics"), "olga", 200);
		this.mvc.perform(get("/actuator/health").with(httpBasic("olga", "olga-pw")))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.folders.status").value("UP"));
	}

	@Test
	void pagesSendAnonymousUsersToTheLoginForm() throws Exception {
		this.mvc.perform(get("/operations")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/desk")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@Test
	void operationsPagesAreForOperatorsAndDeskPagesForClerks() throws Exception {
		this.mvc.perform(get("/operations").with(user("carl"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/operations").with(user("olga"))).andExpect(status().isOk());
		this.mvc.perform(get("/desk").with(user("olga"))).andExpect(status().isForbidden());
		int clerk = this.mvc.perform(get("/desk").with(user("carl"))).andReturn().getResponse().getStatus();
		assertThat(clerk).isNotIn(401, 403);
		this.mvc.perform(get("/operations/files").with(user("carl"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/operations/files").with(user("olga"))).andExpect(status().isOk());
		this.mvc.perform(get("/desk/search").with(user("olga"))).andExpect(status().isOk());
		this.mvc.perform(get("/desk/search").with(user("carl"))).andExpect(status().isOk());
		this.mvc.perform(get("/desk/registry/catalog").param("query", "X").with(user("olga")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theRootSendsEachUserToTheirPages() throws Exception {
		this.mvc.perform(get("/").with(user("olga"))).andExpect(redirectedUrl("/operations"));
		this.mvc.perform(get("/").with(user("carl"))).andExpect(redirectedUrl("/desk"));
	}

	@Test
	void formLoginSignsInAndPagePostsNeedTheCsrfToken() throws Exception {
		this.mvc.perform(post("/login").param("username", "olga").param("password", "olga-pw").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(post("/operations/executions/1/abandon").with(user("olga"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/operations/executions/1/abandon").with(user("olga")).with(csrf()))
			.andExpect(status().isFound());
	}

	@Test
	void withAConfiguredDatabaseThereAreNoDemoUsers() {
		assertThatThrownBy(() -> this.users.loadUserByUsername("operator"))
			.isInstanceOf(UsernameNotFoundException.class);
		assertThatThrownBy(() -> this.users.loadUserByUsername("clerk")).isInstanceOf(UsernameNotFoundException.class);
		assertThat(this.users.loadUserByUsername("both").getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_CLERK", "ROLE_OPERATOR");
	}

	private void expect(MockHttpServletRequestBuilder call, String user, int status) throws Exception {
		ResultActions result = this.mvc.perform(call.with(httpBasic(user, user + "-pw")));
		result.andExpect(status().is(status));
		if (status == 403) {
			result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		}
	}

	private void expectAllowed(MockHttpServletRequestBuilder call, String user) throws Exception {
		int status = this.mvc.perform(call.with(httpBasic(user, user + "-pw"))).andReturn().getResponse().getStatus();
		assertThat(status).isNotIn(401, 403);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor user(String name) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(name)
			.roles(name.equals("olga") ? "OPERATOR" : "CLERK");
	}

}
