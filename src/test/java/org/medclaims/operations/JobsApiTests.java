package org.medclaims.operations;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "medclaims.security.users.olga.password={noop}olga-pw",
		"medclaims.security.users.olga.roles=OPERATOR" })
@Import(OperationsTestJobs.class)
class JobsApiTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	BackgroundJobOperator background;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("flakyJob")
	Job flakyJob;

	@Autowired
	@Qualifier("slowJob")
	Job slowJob;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.apply(springSecurity())
			.defaultRequest(get("/").with(httpBasic("olga", "olga-pw")))
			.build();
		OperationsTestJobs.failing.set(false);
	}

	@AfterEach
	void releaseSettlement() throws Exception {
		OperationsTestJobs.releaseSettlement();
	}

	@Test
	void listsExecutionsNewestFirstFilteredAndPaged() throws Exception {
		long before = this.jdbc.queryForObject("SELECT count(*) FROM batch_job_execution e JOIN batch_job_instance i"
				+ " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'flakyJob'", Long.class);
		JobExecution failed = runFlaky(true);
		JobExecution completed = runFlaky(false);

		this.mvc.perform(get("/api/jobs/executions").param("job", "flakyJob").param("size", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.content[0].id").value(completed.getId()))
			.andExpect(jsonPath("$.content[0].writeCount").value(3))
			.andExpect(jsonPath("$.totalElements").value(before + 2))
			.andExpect(jsonPath("$.totalPages").value(before + 2));
		this.mvc.perform(get("/api/jobs/executions").param("status", "failed").param("job", "flakyJob"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].id").value(failed.getId()))
			.andExpect(jsonPath("$.content[0].status").value("FAILED"))
			.andExpect(jsonPath("$.content[0].parameters").value(startsWith("run=")))
			.andExpect(jsonPath("$.content[0].exitDescription").value(containsString("simulated")));
	}

	@Test
	void showsOneExecutionWithItsStepsAndCounts() throws Exception {
		JobExecution failed = runFlaky(true);

		this.mvc.perform(get("/api/jobs/executions/{id}", failed.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.execution.status").value("FAILED"))
			.andExpect(jsonPath("$.execution.owner").value(containsString(ExecutionOwner.current().host())))
			.andExpect(jsonPath("$.parameters[0].name").value("run"))
			.andExpect(jsonPath("$.parameters[0].identifying").value(true))
			.andExpect(jsonPath("$.steps[0].stepName").value("flakyStep"))
			.andExpect(jsonPath("$.steps[0].status").value("FAILED"))
			.andExpect(jsonPath("$.steps[0].rollbackCount").value(1))
			.andExpect(jsonPath("$.steps[0].exitCode").value("FAILED"))
			.andExpect(jsonPath("$.steps[0].exitDescription").value(containsString("IllegalStateException")));
	}

	@Test
	void showsExitDescriptionsWithResidentIdsMasked() throws Exception {
		JobExecution failed = runFlaky(true);
		// what PgJDBC puts in a failure Spring Batch stores: the row, with the person's
		// ID
		this.jdbc.update("UPDATE batch_job_execution SET exit_message = 'Failing row contains (330282198001011237, 张三)'"
				+ " WHERE job_execution_id = ?", failed.getId());
		this.jdbc.update("UPDATE batch_step_execution SET exit_message = 'Batch entry 0 INSERT INTO person"
				+ " VALUES (''33028219400911796X'')' WHERE job_execution_id = ?", failed.getId());

		this.mvc.perform(get("/api/jobs/executions/{id}", failed.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.execution.exitDescription").value("Failing row contains (330282**********37, 张三)"))
			.andExpect(jsonPath("$.steps[0].exitDescription").value(containsString("('330282**********6X')")));
	}

	@Test
	void restartsAFailedExecutionInTheBackground() throws Exception {
		JobExecution failed = runFlaky(true);

		MvcResult result = this.mvc.perform(post("/api/jobs/executions/{id}/restart", failed.getId()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.jobName").value("flakyJob"))
			.andReturn();
		long restartedId = ((Number) com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(),
				"$.executionId"))
			.longValue();

		assertThat(restartedId).isNotEqualTo(failed.getId());
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/jobs/executions/" + restartedId);
		await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(restartedId), "COMPLETED"::equals);
		this.mvc.perform(post("/api/jobs/executions/{id}/restart", restartedId))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("CONFLICT"))
			.andExpect(jsonPath("$.detail").value(containsString("COMPLETED")));
		this.mvc.perform(post("/api/jobs/executions/{id}/restart", failed.getId()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already restarted as execution " + restartedId)));
	}

	@Test
	void stopsARunningExecutionThenAbandonsIt() throws Exception {
		JobExecution running = this.background.get()
			.start(this.slowJob, new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
		await().until(() -> statusOf(running.getId()), "STARTED"::equals);

		this.mvc.perform(post("/api/jobs/executions/{id}/abandon", running.getId()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("still running in live process")));
		this.mvc.perform(post("/api/jobs/executions/{id}/stop", running.getId()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.message").value(containsString("STOPPING")));
		await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(running.getId()), "STOPPED"::equals);

		this.mvc.perform(post("/api/jobs/executions/{id}/stop", running.getId()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CONFLICT"));
		this.mvc.perform(post("/api/jobs/executions/{id}/abandon", running.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ABANDONED"));
		assertThat(statusOf(running.getId())).isEqualTo("ABANDONED");
		this.mvc.perform(post("/api/jobs/executions/{id}/restart", running.getId()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("abandoned")));
	}

	@Test
	void runsTheSettlementNowAndRefusesASecondWhileItRuns() throws Exception {
		OperationsTestJobs.holdSettlement(this.jdbc.getDataSource());

		MvcResult first = this.mvc.perform(post("/api/jobs/settlement"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.jobName").value("settlementJob"))
			.andReturn();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(),
				"$.executionId"))
			.longValue();
		await().until(() -> statusOf(id), "STARTED"::equals);
		this.mvc.perform(post("/api/jobs/settlement"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CONFLICT"))
			.andExpect(jsonPath("$.detail").value(containsString("Settlement execution " + id + " is already")));

		OperationsTestJobs.releaseSettlement();
		await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(id), "COMPLETED"::equals);
		assertThat(this.jdbc.queryForList("SELECT parameter_name FROM batch_job_execution_params"
				+ " WHERE job_execution_id = ? AND identifying = 'Y'", String.class, id))
			.containsExactly("run");
	}

	@Test
	void answersUnknownIdsAndBadInputWithProblems() throws Exception {
		this.mvc.perform(get("/api/jobs/executions/{id}", 987654))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.code").value("NOT_FOUND"))
			.andExpect(jsonPath("$.detail").value(containsString("There is no job execution 987654")));
		for (String action : new String[] { "restart", "stop", "abandon" }) {
			this.mvc.perform(post("/api/jobs/executions/{id}/" + action, 987654))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("NOT_FOUND"));
		}
		this.mvc.perform(get("/api/jobs/executions").param("status", "SLEEPING"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get("/api/jobs/executions").param("size", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("size")));
		this.mvc.perform(get("/api/jobs/executions/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void restartRecoversAnExecutionACrashLeftStartedButRefusesWhileItsOwnerLives() throws Exception {
		JobExecution live = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob", "flakyStep",
				ProcessHandle.current().pid(), ExecutionOwner.current().host());
		this.mvc.perform(post("/api/jobs/executions/{id}/restart", live.getId()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("still running in live process")));

		JobExecution crashed = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", OperationsTestJobs.deadPid(), ExecutionOwner.current().host());
		this.mvc.perform(post("/api/jobs/executions/{id}/restart", crashed.getId())).andExpect(status().isAccepted());

		assertThat(this.jdbc.queryForObject("SELECT exit_message FROM batch_job_execution WHERE job_execution_id = ?",
				String.class, crashed.getId()))
			.endsWith("died while running this execution: marked FAILED at start of serve");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject(
					"SELECT status FROM batch_job_execution e"
							+ " WHERE job_instance_id = ? ORDER BY job_execution_id DESC LIMIT 1",
					String.class, crashed.getJobInstance().getId()), BatchStatus.COMPLETED.name()::equals);
	}

	private JobExecution runFlaky(boolean fail) throws Exception {
		OperationsTestJobs.failing.set(fail);
		try {
			return this.jobOperator.start(this.flakyJob,
					new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
		}
		finally {
			OperationsTestJobs.failing.set(false);
		}
	}

	private String statusOf(long id) {
		return this.jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
				String.class, id);
	}

}
