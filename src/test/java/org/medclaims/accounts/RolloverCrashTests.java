package org.medclaims.accounts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.medclaims.MedclaimsApplication;
import org.medclaims.TestRegistry;
import org.medclaims.system.Command;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code rollover 2013} in a process of its own killed with SIGKILL in the middle of its
 * chunks, then restarted with {@code restart <id>}: every person is rolled over once, and
 * the balances, the ledger and the result are those of a rollover never interrupted (run
 * first on the same registry).
 */
@SpringBootTest(properties = "medclaims.accounts.chunk-size=10")
class RolloverCrashTests {

	static final int PERSONS = 3000;

	// one person in four has nothing to move
	static final String SEED = """
			INSERT INTO person (person_id, name, category, status, opening_current_account, opening_historical_account,
			    current_account, historical_account)
			SELECT lpad(i::text, 18, '0'), 'P' || i, 'IN_SERVICE', 'ACTIVE', c, h, c, h
			FROM generate_series(1, %d) AS i,
			     LATERAL (SELECT CASE WHEN i %% 4 = 0 THEN 0 ELSE (i * 7919) %% 100000 + 1 END AS c,
			                     (i * 104729) %% 500000 AS h) AS v
			""".formatted(PERSONS);

	static final String BALANCES = "SELECT person_id || ':' || current_account || ':' || historical_account FROM person"
			+ " ORDER BY person_id";

	static final String LEDGER = "SELECT kind || ' ' || account || ' ' || direction || ' ' || count(*) || ' ' || sum(amount)"
			+ " FROM ledger_entry GROUP BY kind, account, direction ORDER BY 1";

	static final String RESULT = "SELECT persons_rolled_over || ' ' || amount_moved || ' ' || persons_nothing_to_move"
			+ " || ' ' || (finished_at IS NOT NULL) FROM account_rollover WHERE year = 2013";

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
	void aRolloverKilledMidwayAndRestartedRollsEveryPersonOverOnce() throws Exception {
		this.jdbc.execute(SEED);
		int moving = this.jdbc.queryForObject("SELECT count(*) FROM person WHERE current_account > 0", Integer.class);
		long movingTotal = this.jdbc.queryForObject("SELECT sum(current_account) FROM person", Long.class);
		// the rollover never interrupted, in this process, then the same registry again
		assertThat(command("rollover").run(List.of("2013"))).isZero();
		List<String> uninterruptedBalances = this.jdbc.queryForList(BALANCES, String.class);
		List<String> uninterruptedLedger = this.jdbc.queryForList(LEDGER, String.class);
		String uninterruptedResult = this.jdbc.queryForObject(RESULT, String.class);
		assertThat(uninterruptedResult).isEqualTo(moving + " " + movingTotal + " " + (PERSONS - moving) + " true");
		this.jdbc.execute("TRUNCATE ledger_entry, account_rollover");
		this.jdbc.execute("UPDATE person SET current_account = opening_current_account,"
				+ " historical_account = opening_historical_account");
		TestRegistry.forgetJobs(this.jdbc);

		Process killed = rollover(this.environment.getProperty("spring.datasource.url"));
		try {
			await().atMost(Duration.ofSeconds(240))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> !killed.isAlive() || rolledOver() >= moving / 3);
			assertThat(killed.isAlive()).as("still running when killed (%s)", this.testData.resolve("killed.log"))
				.isTrue();
		}
		finally {
			killed.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback but
										// PostgreSQL's own
			killed.waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(rolledOver()).as("killed mid-rollover").isBetween(moving / 3, moving - 1);
		long execution = this.jdbc.queryForObject("""
				SELECT e.job_execution_id FROM batch_job_execution e JOIN batch_job_instance i USING (job_instance_id)
				WHERE i.job_name = 'rolloverJob' AND e.status = 'STARTED'
				""", Long.class);
		assertThat(this.ledgerCheck.check().consistent()).as("consistent after the kill").isTrue();

		assertThat(command("restart").run(List.of(String.valueOf(execution)))).as("restart %d", execution).isZero();

		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM (SELECT person_id FROM ledger_entry WHERE kind = 'ROLLOVER' AND direction = 'OUT'
				                      GROUP BY person_id HAVING count(*) > 1) twice
				""", Integer.class)).as("persons rolled over twice").isZero();
		assertThat(rolledOver()).isEqualTo(moving);
		assertThat(this.ledgerCheck.check().consistent()).isTrue();
		assertThat(this.jdbc.queryForList(BALANCES, String.class)).isEqualTo(uninterruptedBalances);
		assertThat(this.jdbc.queryForList(LEDGER, String.class)).isEqualTo(uninterruptedLedger);
		assertThat(this.jdbc.queryForObject(RESULT, String.class)).isEqualTo(uninterruptedResult);
		assertThat(this.jdbc.queryForObject("SELECT exit_message FROM batch_job_execution WHERE status = 'COMPLETED'",
				String.class))
			.startsWith("Rolled over 2013: " + moving + " persons, ");
	}

	private int rolledOver() {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM ledger_entry WHERE kind = 'ROLLOVER' AND direction = 'OUT'", Integer.class);
	}

	private Process rollover(String url) throws IOException {
		List<String> line = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-cp", System.getProperty("java.class.path"), MedclaimsApplication.class.getName(), "rollover", "2013",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--medclaims.accounts.chunk-size=10");
		Files.createDirectories(this.testData);
		return new ProcessBuilder(line).redirectErrorStream(true)
			.redirectOutput(this.testData.resolve("killed.log").toFile())
			.directory(new File(".").getAbsoluteFile())
			.start();
	}

	private Command command(String name) {
		return this.commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

}
