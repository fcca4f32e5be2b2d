package org.medclaims.operations;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.medclaims.accounts.LedgerCheck;
import org.medclaims.system.Command;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code run-once} killed with SIGKILL during the intake, and again during the
 * settlement; the operator restarts the killed settlement with {@code restart <id>} and
 * runs {@code run-once} again: the responses, the ledger and every balance are those of a
 * run never interrupted.
 */
@SpringBootTest(properties = { "medclaims.inbound-dir=${medclaims.test-data-dir}/crashed/inbound",
		"medclaims.outbound-dir=${medclaims.test-data-dir}/crashed/outbound",
		"medclaims.archive-dir=${medclaims.test-data-dir}/crashed/archive",
		"medclaims.rejected-dir=${medclaims.test-data-dir}/crashed/rejected" })
class RunOnceCrashTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	Environment environment;

	@Autowired
	List<Command> commands;

	@Value("${medclaims.test-data-dir}")
	Path testData;

	@Test
	void aRunKilledTwiceFinishesAsIfNeverInterrupted() throws Exception {
		Path crashed = this.testData.resolve("crashed");
		RunOnceProcesses.copyInbound(crashed.resolve("inbound"));
		String url = this.environment.getProperty("spring.datasource.url");

		killWhen(runOnce(url, crashed, "intake"), () -> count("SELECT count(*) FROM claim"), 3_000);
		assertThat(count("SELECT count(*) FROM settlement")).as("killed before settling").isZero();
		killWhen(runOnce(url, crashed, "settlement"), () -> count("SELECT count(*) FROM settlement"), 1_500);
		assertThat(count("SELECT count(*) FROM claim WHERE status = 'RECEIVED'")).as("killed mid-settlement")
			.isPositive();
		long killed = this.jdbc.queryForObject("""
				SELECT e.job_execution_id FROM batch_job_execution e
				JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
				WHERE i.job_name = 'settlementJob' AND e.status = 'STARTED'
				""", Long.class);
		assertThat(command("restart").run(List.of(String.valueOf(killed)))).as("restart %d", killed).isZero();
		assertThat(count("SELECT count(*) FROM claim WHERE status = 'RECEIVED'")).isZero();
		Process last = runOnce(url, crashed, "last");
		assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(last.exitValue()).as("exit status of the last run-once (%s)", crashed.resolve("last.log")).isZero();
		assertThat(count("SELECT count(*) FROM claim_file WHERE intake_finished_at IS NULL")).as("unfinished intakes")
			.isZero();
		assertThat(crashed.resolve("inbound")).isEmptyDirectory();

		RunOnceProcesses.Reference uninterrupted = RunOnceProcesses.uninterrupted();
		Map<String, String> answers = RunOnceProcesses.answers(crashed.resolve("outbound"));
		assertThat(RunOnceProcesses.differences(answers, uninterrupted.answers())).as("answers after the crashes")
			.isEmpty();
		assertThat(answers).hasSizeGreaterThanOrEqualTo(20);
		for (String results : RunOnceProcesses.RESULTS) {
			assertThat(this.jdbc.queryForList(results, String.class)).as(results)
				.isEqualTo(uninterrupted.results().get(results));
		}
		LedgerCheck.Result check = this.ledgerCheck.check();
		assertThat(check.mismatches()).isEmpty();
		assertThat(check.orphans()).isEmpty();
		assertThat(count("SELECT count(*) FROM claim WHERE status = 'RECEIVED'")).isZero();
	}

	private static void killWhen(Process process, IntSupplier progress, int threshold) throws InterruptedException {
		try {
			await().atMost(Duration.ofSeconds(240))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> !process.isAlive() || progress.getAsInt() >= threshold);
			assertThat(process.isAlive()).as("still running when killed").isTrue();
		}
		finally {
			process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback but
										// PostgreSQL's own
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private Process runOnce(String url, Path dir, String name) throws IOException {
		return RunOnceProcesses.start(url, dir, name);
	}

	private Command command(String name) {
		return this.commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

}
