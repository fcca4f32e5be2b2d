package org.medclaims.operations;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.MedclaimsApplication;
import org.medclaims.TestDatabases;
import org.medclaims.system.Command;
import org.medclaims.system.CommandLine;
import org.medclaims.system.OperatorMessages;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs, restart, stop and abandon commands: their output, exit status and every
 * operator mistake.
 */
@SpringBootTest
@Import(OperationsTestJobs.class)
class JobCommandsTests {

	@Autowired
	List<Command> commands;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	@Qualifier("flakyJob")
	Job flakyJob;

	@BeforeEach
	void noFailures() {
		OperationsTestJobs.failing.set(false);
	}

	@Test
	void jobsListsExecutionsAsATable() throws Exception {
		JobExecution failed = runFlaky(true);
		JobExecution completed = runFlaky(false);

		Outcome outcome = run("jobs");

		assertThat(outcome.exit()).isZero();
		List<String> lines = outcome.out().lines().toList();
		assertThat(lines.get(0)).startsWith("ID")
			.contains("JOB", "PARAMETERS", "STATUS", "START", "END", "DURATION", "READ", "WRITE", "SKIP", "REJECTED",
					"EXIT");
		String completedLine = lines.stream()
			.filter(l -> l.startsWith(completed.getId() + " "))
			.findFirst()
			.orElseThrow();
		assertThat(completedLine).contains("flakyJob", "run=", "COMPLETED").containsPattern("\\s3\\s");
		String failedLine = lines.stream().filter(l -> l.startsWith(failed.getId() + " ")).findFirst().orElseThrow();
		assertThat(failedLine).contains("FAILED", "simulated");
		assertThat(lines.indexOf(completedLine)).isLessThan(lines.indexOf(failedLine));
	}

	@Test
	void jobsFiltersByStatusAndShowsTheRejectedClaimsOfAnIntake() throws Exception {
		JobExecution failed = runFlaky(true);
		runFlaky(false);

		Outcome outcome = withProperty("status", "FAILED", () -> run("jobs"));

		assertThat(outcome.exit()).isZero();
		assertThat(outcome.out()).contains(failed.getId() + " ").doesNotContain("COMPLETED");
		assertThat(withProperty("status", "SLEEPING", () -> run("jobs")).err())
			.startsWith("Unknown status 'SLEEPING': use one of");
	}

	@Test
	void jobsCountsTheRejectedClaimsOfAnIntakeFile() {
		long batchId = this.jdbc.queryForObject("INSERT INTO intake_batch DEFAULT VALUES RETURNING id", Long.class);
		long fileId = this.jdbc.queryForObject(
				"""
						INSERT INTO claim_file (batch_id, file_name, sha256, size_bytes, source, source_path, local_path, status,
						    intake_finished_at)
						VALUES (?, 'H330282001_20140210_001.clm', repeat('a', 64), 100, 'LOCAL', '/in/x', '/in/x', 'ACCEPTED', now())
						RETURNING id
						""",
				Long.class, batchId);
		for (int i = 0; i < 3; i++) {
			this.jdbc.update(
					"INSERT INTO claim (file_id, position, line_no, hospital_code, claim_no, patient_id,"
							+ " total_amount, status) VALUES (?, ?, ?, 'H330282001', ?, '330282198001011237', 100, ?)",
					fileId, i, i + 2, "C" + i, i == 0 ? "RECEIVED" : "REJECTED");
		}
		JobExecution intake = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "claimIntakeJob",
				"validate", 0, null);
		this.jdbc.update(
				"INSERT INTO batch_job_execution_params VALUES (?, 'batch', 'java.lang.Long', ?, 'Y'),"
						+ " (?, 'files', 'java.lang.Long', '1', 'N')",
				intake.getId(), String.valueOf(batchId), intake.getId());

		Outcome outcome = run("jobs");

		String line = outcome.out().lines().filter(l -> l.startsWith(intake.getId() + " ")).findFirst().orElseThrow();
		assertThat(line).contains("claimIntakeJob", "batch=" + batchId, "files=1")
			.containsPattern("STARTED .* 2\\s+UNKNOWN");
	}

	@Test
	void restartRunsAFailedExecutionAgainAndWaitsForItsOutcome() throws Exception {
		JobExecution failed = runFlaky(true);

		Outcome outcome = run("restart", String.valueOf(failed.getId()));

		assertThat(outcome.exit()).isZero();
		assertThat(outcome.out()).contains("Execution " + failed.getId() + " of flakyJob restarted as execution")
			.contains(": COMPLETED (COMPLETED)")
			.contains("written 3");
		assertThat(
				this.jdbc.queryForObject(
						"SELECT status FROM batch_job_execution WHERE job_instance_id = ?"
								+ " ORDER BY job_execution_id DESC LIMIT 1",
						String.class, failed.getJobInstance().getId()))
			.isEqualTo("COMPLETED");
	}

	@Test
	void restartThatFailsAgainExitsOne() throws Exception {
		JobExecution failed = runFlaky(true);
		OperationsTestJobs.failing.set(true);

		Outcome outcome = run("restart", String.valueOf(failed.getId()));

		assertThat(outcome.exit()).isEqualTo(1);
		assertThat(outcome.err()).contains("which ended FAILED").contains("simulated");
	}

	@Test
	void restartRecoversACrashedExecutionAndRefusesWhileItsOwnerLives() throws Exception {
		String host = ExecutionOwner.current().host();
		JobExecution live = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob", "flakyStep",
				ProcessHandle.current().pid(), host);
		Outcome refused = run("restart", String.valueOf(live.getId()));
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(refused.err()).isEqualTo(
				"Execution " + live.getId() + " is still running in live process " + ProcessHandle.current().pid()
						+ " on " + host + ": stop it with 'stop " + live.getId() + "' before you restart it.\n");

		long deadPid = OperationsTestJobs.deadPid();
		JobExecution crashed = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", deadPid, host);
		Outcome restarted = run("restart", String.valueOf(crashed.getId()));

		assertThat(restarted.exit()).isZero();
		assertThat(this.jdbc.queryForMap(
				"SELECT status, exit_message FROM batch_job_execution WHERE job_execution_id = ?", crashed.getId()))
			.containsEntry("status", "FAILED")
			.containsEntry("exit_message", "process " + deadPid + " on " + host
					+ " died while running this execution: marked FAILED at start of serve");
	}

	@Test
	void everyOperatorMistakeIsOneSentenceOnStderr() throws Exception {
		JobExecution completed = runFlaky(false);
		JobExecution failed = runFlaky(true);
		JobExecution ownerless = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", 0, null);
		JobExecution elsewhere = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", 4242, "another-host.example");
		long c = completed.getId();
		long f = failed.getId();

		assertMistake(run("restart"), "Give one execution id: 'restart <executionId>'");
		assertMistake(run("restart", "abc"), "'abc' is not an execution id");
		assertMistake(run("restart", "987654"), "There is no job execution 987654: run 'jobs'");
		assertMistake(run("stop", "987654"), "There is no job execution 987654");
		assertMistake(run("abandon", "987654"), "There is no job execution 987654");
		assertMistake(run("restart", String.valueOf(c)),
				"Execution " + c + " of flakyJob is COMPLETED: there is nothing to restart.");
		assertMistake(run("stop", String.valueOf(f)), "Execution " + f + " of flakyJob is FAILED, not running");
		assertMistake(run("abandon", String.valueOf(c)),
				"Execution " + c + " of flakyJob is COMPLETED: there is nothing to abandon.");
		assertMistake(run("restart", String.valueOf(ownerless.getId())), "no owner was recorded");
		assertMistake(run("restart", String.valueOf(elsewhere.getId())), "another-host.example, another host");
		assertMistake(run("abandon", String.valueOf(elsewhere.getId())), "another host: abandon it there.");

		assertThat(run("abandon", String.valueOf(f)).out()).contains("Execution " + f + " of flakyJob is ABANDONED");
		assertMistake(run("abandon", String.valueOf(f)), "is already ABANDONED");
		assertMistake(run("restart", String.valueOf(f)), "was abandoned and cannot be restarted");
	}

	@Test
	void stopMarksFailedAnExecutionWhoseOwnerDied() throws Exception {
		JobExecution crashed = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", OperationsTestJobs.deadPid(), ExecutionOwner.current().host());

		Outcome outcome = run("stop", String.valueOf(crashed.getId()));

		assertThat(outcome.exit()).isZero();
		assertThat(outcome.out()).contains("which died: it is now FAILED; restart it with 'restart " + crashed.getId());
	}

	@Test
	void theWholeCommandLineExitsWithOneSentenceAndNoStackTrace() {
		String url = TestDatabases.create("cli");
		Outcome listed = main("jobs", "--status=FAILED", "--spring.datasource.url=" + url);
		assertThat(listed.exit()).isZero();
		assertThat(listed.out()).contains("No job executions are FAILED.");

		Outcome unknown = main("restart", "31337", "--spring.datasource.url=" + url);
		assertThat(unknown.exit()).isEqualTo(1);
		assertThat(unknown.err())
			.isEqualTo("There is no job execution 31337: run 'jobs' to list the executions and" + " their ids.\n");

		Outcome unreachable = main("jobs", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/medclaims",
				"--spring.datasource.hikari.connection-timeout=2000");
		assertThat(unreachable.exit()).isEqualTo(1);
		assertThat(unreachable.err()).startsWith("Cannot reach the database").doesNotContain("\tat ");
		assertThat(unreachable.err().lines()).hasSize(1);
	}

	private static void assertMistake(Outcome outcome, String sentence) {
		assertThat(outcome.exit()).as(outcome.err()).isEqualTo(1);
		assertThat(outcome.err()).contains(sentence).doesNotContain("\tat ").endsWith(".\n");
		assertThat(outcome.err().lines()).hasSize(1);
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

	/**
	 * A command as CommandRunner runs it: an exception becomes OperatorMessages' sentence
	 * and exit 1.
	 */
	private Outcome run(String name, String... arguments) {
		Command command = this.commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
		return capture(() -> {
			try {
				return command.run(List.of(arguments));
			}
			catch (Exception ex) {
				System.err.println(OperatorMessages.describe(ex));
				return 1;
			}
		});
	}

	private static Outcome main(String... args) {
		return capture(() -> {
			OptionalInt exit = CommandLine.run(MedclaimsApplication.class, args);
			return exit.orElse(-1);
		});
	}

	private Outcome withProperty(String name, String value, java.util.function.Supplier<Outcome> action) {
		this.environment.getPropertySources().addFirst(new MapPropertySource("cli", Map.of(name, value)));
		try {
			return action.get();
		}
		finally {
			this.environment.getPropertySources().remove("cli");
		}
	}

	private static Outcome capture(java.util.function.IntSupplier action) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
		ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
		System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = action.getAsInt();
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		return new Outcome(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
	}

	record Outcome(int exit, String out, String err) {

	}

}
