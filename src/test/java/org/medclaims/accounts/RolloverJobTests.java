package org.medclaims.accounts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.TestRegistry;
import org.medclaims.system.Command;
import org.medclaims.system.OperatorMistake;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.medclaims.TestRegistry.MOTHER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * accounts.md, year-end rollover: what moves, once per person and year, in order, and
 * what operators see.
 */
@SpringBootTest(properties = { "medclaims.accounts.chunk-size=3",
		"medclaims.security.users.olga.password={noop}olga-pw", "medclaims.security.users.olga.roles=OPERATOR" })
class RolloverJobTests {

	static final String RESULT_2013 = "Rolled over 2013: 2 persons, 230.00 moved to their historical accounts;"
			+ " 5 persons had nothing to move.";

	@Autowired
	YearEndRollover rollover;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	RolloverCommand command;

	@Autowired
	List<Command> commands;

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void registryWithTwoCurrentBalances() {
		TestRegistry.workedExamples(this.jdbc);
		TestRegistry.forgetJobs(this.jdbc);
		this.jdbc.update("UPDATE person SET current_account = 3000, opening_current_account = 3000 WHERE person_id = ?",
				MOTHER);
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.apply(springSecurity())
			.defaultRequest(get("/").with(httpBasic("olga", "olga-pw")))
			.build();
	}

	@Test
	void movesEveryCurrentBalanceIntoTheHistoricalAccountAndSaysWhatItDid() throws Exception {
		JobExecution execution = this.rollover.rollOver(2013, this.jobOperator);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getExitStatus().getExitDescription()).isEqualTo(RESULT_2013);
		assertThat(balances(A_PATIENT)).containsExactly(0L, 520000L);
		assertThat(balances(MOTHER)).containsExactly(0L, 8000L);
		assertThat(this.jdbc.queryForList("""
				SELECT person_id || ' ' || year || ' ' || direction || ' ' || account || ' ' || amount FROM ledger_entry
				WHERE kind = 'ROLLOVER' AND claim_id IS NULL
				""", String.class)).containsExactlyInAnyOrder(A_PATIENT + " 2013 OUT CURRENT 20000",
				A_PATIENT + " 2013 IN HISTORICAL 20000", MOTHER + " 2013 OUT CURRENT 3000",
				MOTHER + " 2013 IN HISTORICAL 3000");
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
		assertThat(this.rollover.years()).singleElement().satisfies(year -> {
			assertThat(year.finishedBy()).isEqualTo(execution.getId());
			assertThat(year.personsRolledOver()).isEqualTo(2);
			assertThat(year.personsWithNothingToMove()).isEqualTo(5);
		});
		// the result where operators look: the jobs API, and the dashboard
		this.mvc.perform(get("/api/jobs/executions/" + execution.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.execution.jobName").value("rolloverJob"))
			.andExpect(jsonPath("$.execution.exitDescription").value(RESULT_2013));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			this.commands.stream().filter(c -> c.name().equals("jobs")).findFirst().orElseThrow().run(List.of());
		}
		finally {
			System.setOut(original);
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("rolloverJob")
			.contains("year=2013")
			.contains("COMPLETED: " + RESULT_2013);
		this.mvc.perform(get("/operations").with(user("olga").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2013 年已结转：2 人的 230.00 元转入历年账户；5 人无余额可转。")))
			.andExpect(content().string(containsString("结转 2014 年")));
		this.mvc.perform(get("/operations?lang=en").with(user("olga").roles("OPERATOR")))
			.andExpect(content().string(containsString(RESULT_2013)))
			.andExpect(content().string(containsString("Roll over 2014")));
	}

	@Test
	void aYearIsRolledOverOnceAndTheSecondTimeIsRefusedWithOneSentence() throws Exception {
		JobExecution first = this.rollover.rollOver(2013, this.jobOperator);
		String finishedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(this.jdbc
				.queryForObject("SELECT finished_at FROM account_rollover WHERE year = 2013", java.sql.Timestamp.class)
				.toInstant()
				.atZone(ZoneId.of("Asia/Shanghai")));
		String refusal = "2013 was rolled over on " + finishedAt + " by execution " + first.getId() + ".";

		assertThat(this.rollover.refusal(2013)).contains(refusal);
		assertThatThrownBy(() -> this.command.run(List.of("2013"))).isInstanceOf(OperatorMistake.class)
			.hasMessage(refusal);
		assertThat(balances(A_PATIENT)).containsExactly(0L, 520000L);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class)).isEqualTo(1);
	}

	@Test
	void yearsAreRolledOverInOrderFromTheFirstPolicyYearOnceTheyEnded() throws Exception {
		assertThat(this.rollover.refusal(2014)).contains("Years are rolled over in order: roll over 2013 before 2014.");
		assertThat(this.rollover.refusal(2012)).contains("2012 comes before 2013, the year of the earliest policy"
				+ " version: the first year to roll over is 2013.");
		int thisYear = this.rollover.lastEndedYear() + 1;
		assertThat(this.rollover.refusal(thisYear))
			.contains(thisYear + " has not ended yet: roll it over from 1 January " + (thisYear + 1) + " on.");
		assertThatThrownBy(() -> this.command.run(List.of("2014"))).isInstanceOf(OperatorMistake.class)
			.hasMessage("Years are rolled over in order: roll over 2013 before 2014.");
		assertThatThrownBy(() -> this.command.run(List.of("last"))).isInstanceOf(OperatorMistake.class)
			.hasMessageContaining("rollover <year>");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isZero();

		assertThat(this.command.run(List.of("2013"))).isZero();
		assertThat(this.rollover.refusal(2014)).isEmpty();
		assertThat(this.rollover.rollOver(2014, this.jobOperator).getExitStatus().getExitDescription())
			.isEqualTo("Rolled over 2014: 0 persons, 0.00 moved to their historical accounts; 7 persons had nothing to"
					+ " move.");
	}

	@Test
	void aRolloverIsRefusedWhileASettlementRunsAndFinishedLater() throws Exception {
		JobExecution refused;
		try (Connection other = this.jdbc.getDataSource().getConnection()) {
			other.createStatement().execute("SELECT pg_advisory_lock(5, 0)");
			refused = this.rollover.rollOver(2013, this.jobOperator);
		}
		assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(refused.getAllFailureExceptions()).singleElement()
			.satisfies(ex -> assertThat(ex.getMessage())
				.startsWith("A settlement run, a credit or reference import or" + " another rollover is in progress"));
		assertThat(balances(A_PATIENT)).containsExactly(20000L, 500000L);

		JobExecution finished = this.rollover.rollOver(2013, this.jobOperator);

		assertThat(finished.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(finished.getJobInstance().getInstanceId()).isEqualTo(refused.getJobInstance().getInstanceId());
		assertThat(finished.getExitStatus().getExitDescription()).isEqualTo(RESULT_2013);
	}

	@Test
	void theJobsApiRollsOverInTheBackgroundAndRefusesWhatItMayNotDo() throws Exception {
		MvcResult started = this.mvc
			.perform(post("/api/jobs/rollover").contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2013}"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/jobs/executions/")))
			.andExpect(jsonPath("$.jobName").value("rolloverJob"))
			.andReturn();
		long id = Long.parseLong(started.getResponse().getHeader("Location").replaceAll(".*/", ""));
		await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> this.jobRepository.getJobExecution(id).getStatus() == BatchStatus.COMPLETED);
		assertThat(this.jobRepository.getJobExecution(id).getExitStatus().getExitDescription()).isEqualTo(RESULT_2013);

		this.mvc.perform(post("/api/jobs/rollover").contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2013}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CONFLICT"))
			.andExpect(jsonPath("$.detail").value(containsString("2013 was rolled over on ")));
		this.mvc.perform(post("/api/jobs/rollover").contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2015}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Years are rolled over in order: roll over 2014 before 2015."));
		this.mvc.perform(post("/api/jobs/rollover").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].field").value("year"));
		this.mvc
			.perform(post("/api/jobs/rollover").contentType(MediaType.APPLICATION_JSON).content("{\"year\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"));
		this.mvc.perform(post("/api/jobs/rollover").contentType(MediaType.TEXT_PLAIN).content("year=2014"))
			.andExpect(status().isUnsupportedMediaType());
	}

	private List<Object> balances(String person) {
		return List.copyOf(this.jdbc
			.queryForMap("SELECT current_account, historical_account FROM person WHERE person_id = ?", person)
			.values());
	}

}
