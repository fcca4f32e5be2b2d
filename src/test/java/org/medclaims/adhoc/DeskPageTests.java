package org.medclaims.adhoc;

import org.medclaims.TestRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clerk desk's server-rendered pages: patient, preview, settle, result; CSRF and
 * roles.
 */
@SpringBootTest
class DeskPageTests {

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

	@Test
	void showsThePatientsBalancesAndYearlyTotals() throws Exception {
		this.mvc.perform(get("/desk").param("personId", A_PATIENT).with(clerk()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("200.00"), containsString("5,000.00"),
					containsString("900.00"), containsString("测试"), containsString("在职 · 正常参保"))));
		this.mvc.perform(get("/desk").param("personId", TestRegistry.STRANGER).with(clerk()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("基础数据中没有此人")));
		this.mvc.perform(get("/desk").param("personId", TestRegistry.STRANGER).param("lang", "en").with(clerk()))
			.andExpect(content().string(containsString("Not in the registry")));
	}

	@Test
	void previewsWithTheExplanationThenSettlesAndShowsThePrintableResult() throws Exception {
		this.mvc.perform(claimForm(post("/desk/claims/preview"), "WEB-1").with(clerk()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"preview-result\""),
					containsString("180.00 × 0.60 = 108.00"), containsString("class B, self-pay ratio 0.10"))));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();

		this.mvc.perform(claimForm(post("/desk/claims"), "WEB-1").with(clerk()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/desk/claims/HOS1/WEB-1"));
		// a double-clicked submit lands on the same result
		this.mvc.perform(claimForm(post("/desk/claims"), "WEB-1").with(clerk()).with(csrf()))
			.andExpect(redirectedUrl("/desk/claims/HOS1/WEB-1"));

		this.mvc.perform(get("/desk/claims/HOS1/WEB-1").with(clerk()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("已结算"), containsString("108.00"), containsString("192.00"),
					containsString("预览"), containsString("重复提交"), containsString("window.print()"),
					containsString("/desk/claims/HOS1/WEB-1/receipt"))));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM settlement", Integer.class)).isEqualTo(1);
	}

	@Test
	void showsEachBadFieldOnTheFormAndKeepsWhatWasTyped() throws Exception {
		this.mvc
			.perform(claimForm(post("/desk/claims/preview"), "A/1").param("lines[3].itemCode", "DRUG-A")
				.param("lines[3].unitPrice", "1.00")
				.param("lines[3].quantity", "3")
				.param("lines[3].amount", "2.99")
				.with(clerk())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("第 4 行 金额：应为 单价 × 数量 四舍五入到分：3.00"), containsString("报销单号：须为 1 至 32 位"),
						containsString("value=\"A/1\""), not(containsString("id=\"preview-result\"")))));
	}

	@Test
	void settlesUnderANameTheRegistrySpellsOtherwiseOnlyOnceTheClerkConfirmedIt() throws Exception {
		this.mvc.perform(
				claimForm(post("/desk/claims/preview"), "WEB-2").param("patientName", "张三").with(clerk()).with(csrf()))
			.andExpect(content()
				.string(allOf(containsString("id=\"name-mismatch\""), containsString("“测试”"), containsString("“张三”"))));
		this.mvc.perform(claimForm(post("/desk/claims"), "WEB-2").param("patientName", "张三").with(clerk()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请核对，勾选确认后再结算")));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();

		this.mvc
			.perform(claimForm(post("/desk/claims"), "WEB-2").param("patientName", "张三")
				.param("nameConfirmed", "true")
				.with(clerk())
				.with(csrf()))
			.andExpect(redirectedUrl("/desk/claims/HOS1/WEB-2"));
		// the registry's own name needs no confirmation, and an empty one is filled from
		// the registry
		this.mvc
			.perform(claimForm(post("/desk/claims"), "WEB-3").param("patientName", " 测试 ").with(clerk()).with(csrf()))
			.andExpect(redirectedUrl("/desk/claims/HOS1/WEB-3"));
		this.mvc.perform(get("/desk").param("personId", A_PATIENT).with(clerk()))
			.andExpect(content().string(containsString("name=\"patientName\" value=\"测试\"")));
	}

	@Test
	void theReceiptAndThePatientPageShowTheMoneyWithSeparatorsAndUnknownOnesAre404() throws Exception {
		this.mvc.perform(claimForm(post("/desk/claims"), "WEB-4").with(clerk()).with(csrf()));
		this.mvc.perform(get("/desk/claims/HOS1/WEB-4/receipt").with(clerk()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("医疗费用结算单"), containsString("500.00 元"),
					containsString("参保人（签字）"), containsString("receipt.css"))));
		this.mvc.perform(get("/desk/persons/" + A_PATIENT).with(clerk()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("4,808.00 元"), containsString("WEB-4"), containsString("共 1 条"))));
		this.mvc.perform(get("/desk/claims/HOS1/NOPE/receipt").with(clerk())).andExpect(status().isNotFound());
		this.mvc.perform(get("/desk/persons/" + TestRegistry.STRANGER).with(clerk())).andExpect(status().isNotFound());
		// operators read claims, not patients' accounts
		this.mvc.perform(get("/desk/claims/HOS1/WEB-4").with(user("olga").roles("OPERATOR")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/desk/search").with(user("olga").roles("OPERATOR"))).andExpect(status().isOk());
		this.mvc.perform(get("/desk/persons/" + A_PATIENT).with(user("olga").roles("OPERATOR")))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/denied"));
	}

	@Test
	void refusesAFormWithoutCsrfTokenAndUsersWhoAreNotClerks() throws Exception {
		this.mvc.perform(claimForm(post("/desk/claims"), "WEB-1").with(clerk())).andExpect(status().isForbidden());
		this.mvc.perform(get("/desk").with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/desk")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();
	}

	private static MockHttpServletRequestBuilder claimForm(MockHttpServletRequestBuilder request, String claimNo) {
		return request.param("claimNo", claimNo)
			.param("hospitalCode", "HOS1")
			.param("patientId", A_PATIENT)
			.param("visitType", "OUT")
			.param("startDate", "2013-06-01")
			.param("endDate", "2013-06-01")
			.param("reason", "EMERGENCY")
			.param("lines[0].itemCode", "DRUG-A")
			.param("lines[0].unitPrice", "300.00")
			.param("lines[0].quantity", "1")
			.param("lines[0].amount", "300.00")
			.param("lines[1].itemCode", "ITEM-B10")
			.param("lines[1].unitPrice", "20.00")
			.param("lines[1].quantity", "10")
			.param("lines[1].amount", "200.00")
			.param("lines[2].itemCode", "");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor clerk() {
		return user("clerk").roles("CLERK");
	}

}
