package org.medclaims.operations;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.TestRegistry;
import org.medclaims.settlement.SettlementLauncher;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.medclaims.TestRegistry.B_PATIENT;
import static org.medclaims.TestRegistry.CHILD;
import static org.medclaims.TestRegistry.STRANGER;
import static org.medclaims.TestRegistry.line;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A settlement run's money, on its page, in the API and in 'jobs <id>', is the sum of the
 * settlements it wrote.
 */
@SpringBootTest
class SettlementRunMoneyTests {

	@Autowired
	SettlementLauncher runs;

	@Autowired
	JobsCommand jobs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void claimsOfTwoFilesWait() {
		TestRegistry given = TestRegistry.workedExamples(this.jdbc);
		given.file("HOS1", "HOS1_20130701_001.clm");
		given.claim("A", A_PATIENT, "OUT", LocalDate.of(2013, 6, 1), null, line("DRUG-A", "300.00", "1", 30000L),
				line("ITEM-B10", "200.00", "1", 20000L));
		given.claim("C", CHILD, "OUT", LocalDate.of(2013, 6, 10), null, line("ITEM-B20", "100.00", "1", 10000L));
		given.file("HOS2", "HOS2_20130701_001.clm");
		given.claim("B", B_PATIENT, "INP", LocalDate.of(2013, 6, 20), null, line("DRUG-A", "10000.00", "1", 1000000L),
				line("ITEM-C", "500.00", "1", 50000L));
		given.claim("X", STRANGER, "OUT", LocalDate.of(2013, 6, 2), null, line("DRUG-A", "12.00", "1", 1200L));
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void theRunsMoneyIsTheSumOfTheSettlementsItWrote() throws Exception {
		// a clerk's settlement before the run is no part of it
		this.jdbc.update("""
				INSERT INTO settlement (claim_id, status, message, total, self_pay, self_pay_first, deductible, segment,
				    coinsurance, over_cap, fund, current_account, historical_account, family_account, cash)
				VALUES (999999, 'SETTLED', 'ad hoc', 100, 0, 0, 0, 0, 0, 0, 77, 0, 0, 0, 23)""");
		JobExecution run = settle();

		Map<String, Object> sums = this.jdbc.queryForMap(
				"""
						SELECT count(*) FILTER (WHERE status = 'SETTLED') AS settled,
						       count(*) FILTER (WHERE status = 'REJECTED') AS rejected,
						       sum(total) FILTER (WHERE status = 'SETTLED')::bigint AS total, sum(fund)::bigint AS fund,
						       sum(current_account)::bigint AS current, sum(historical_account)::bigint AS historical,
						       sum(family_account)::bigint AS family, sum(cash) FILTER (WHERE status = 'SETTLED')::bigint AS cash
						  FROM settlement WHERE claim_id <> 999999""");
		// the worked examples A, B and C of policy.md, and the stranger's claim rejected
		// E_NOT_INSURED
		assertThat(sums).containsEntry("settled", 3L)
			.containsEntry("rejected", 1L)
			.containsEntry("total", 50000L + 1050000L + 10000L)
			.containsEntry("fund", 10800L + 100000L)
			.containsEntry("current", 20000L)
			.containsEntry("historical", 19200L + 10000L)
			.containsEntry("family", 10000L)
			.containsEntry("cash", 940000L);

		this.mvc.perform(get("/api/jobs/executions/" + run.getId()).with(user("olga").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.money.claimsSettled").value(3))
			.andExpect(jsonPath("$.money.claimsRejected").value(1))
			.andExpect(jsonPath("$.money.total").value("11100.00"))
			.andExpect(jsonPath("$.money.fund").value("1108.00"))
			.andExpect(jsonPath("$.money.currentAccount").value("200.00"))
			.andExpect(jsonPath("$.money.historicalAccount").value("292.00"))
			.andExpect(jsonPath("$.money.familyAccount").value("100.00"))
			.andExpect(jsonPath("$.money.cash").value("9400.00"))
			// each household partition names the process that ran it: this one
			.andExpect(jsonPath("$.steps[?(@.stepName =~ /settleHouseholdPartition.*/)].worker",
					everyItem(startsWith(ProcessHandle.current().pid() + "@"))))
			.andExpect(jsonPath("$.steps[?(@.stepName =~ /settleHouseholdPartition.*/)]", hasSize(greaterThan(0))));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.jobs.printOne(run.getId(), new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(out.toString(StandardCharsets.UTF_8))
			.contains("Execution " + run.getId() + " of settlementJob: COMPLETED")
			.contains("Money: 3 claims settled, 1 rejected")
			.containsPattern("total claimed\\s+11,100.00 yuan")
			.containsPattern("fund\\s+1,108.00 yuan")
			.containsPattern("cash\\s+9,400.00 yuan")
			.containsPattern("settleHouseholdPartition:households0 .*, on " + ProcessHandle.current().pid() + "@");

		this.mvc.perform(get("/operations/executions/" + run.getId()).with(user("olga").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"run-fund\">1,108.00<")))
			.andExpect(content().string(containsString("id=\"run-cash\">9,400.00<")));
	}

	@Test
	void theRunsClaimsAsCsvAreTheClaimsItSettledAndRejected() throws Exception {
		JobExecution run = settle();

		String csv = this.mvc
			.perform(get("/api/jobs/executions/" + run.getId() + "/claims").accept("text/csv")
				.with(user("olga").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))
			.getRecords();
		assertThat(rows).extracting(r -> r.get("claimNo") + " " + r.get("status") + " " + r.get("fund"))
			.containsExactlyInAnyOrder("A SETTLED 108.00", "B SETTLED 1000.00", "C SETTLED 0.00", "X REJECTED 0.00");
		// another run settles nothing more: its CSV is empty
		JobExecution next = settle();
		assertThat(this.mvc
			.perform(get("/api/jobs/executions/" + next.getId() + "/claims").with(user("olga").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.lines()).hasSize(1);
		this.mvc.perform(get("/api/jobs/executions/" + next.getId()).with(user("olga").roles("OPERATOR")))
			.andExpect(jsonPath("$.money.claimsSettled").value(0))
			.andExpect(jsonPath("$.money.fund").value("0.00"));
	}

	@Test
	void otherJobsHaveNoMoneyAndUnknownExecutionsAre404() throws Exception {
		this.mvc.perform(get("/api/jobs/executions/987654/claims").with(user("olga").roles("OPERATOR")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
		this.mvc.perform(get("/operations/executions/987654").with(user("olga").roles("OPERATOR")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("没有作业执行 987654。")));
	}

	private JobExecution settle() throws Exception {
		List<JobExecution> executions = this.runs.settleEverythingWaiting();
		JobExecution run = executions.get(executions.size() - 1);
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return run;
	}

}
