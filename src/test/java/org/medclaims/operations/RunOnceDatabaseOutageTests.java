package org.medclaims.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medclaims.StoppablePostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL restarted under a running {@code run-once}: in the middle of the intake, of
 * the settlement and of the responses (each moment held by a lock the test takes, so the
 * outage lands there for sure), and for longer than the retry budget. The results equal
 * an uninterrupted run's.
 */
class RunOnceDatabaseOutageTests {

	private static final Duration OUTAGE = Duration.ofSeconds(5);

	private static final Duration PATIENCE = Duration.ofMinutes(4);

	@TempDir
	Path dir;

	StoppablePostgres server;

	@BeforeEach
	void ownServer() {
		this.server = StoppablePostgres.start(this.dir.resolve("postgres"));
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void outagesDuringIntakeSettlementAndResponsesChangeNothing() throws Exception {
		String url = this.server.createDatabase("outages");
		Path run = this.dir.resolve("outages");
		RunOnceProcesses.copyInbound(run.resolve("inbound"));
		Connection intakeHold = hold(url, "SELECT pg_advisory_lock(4, hashtext('" + busiestHospital() + "'))");
		Process process = RunOnceProcesses.start(url, run, "run-once",
				"--spring.datasource.hikari.connection-timeout=2000");
		try {
			// 1. intake: other hospitals' files staged, the busiest one's waiting for its
			// claim numbers
			await().atMost(PATIENCE)
				.until(() -> alive(process, run.resolve("run-once.log")) && count(url, "SELECT count(*) FROM claim") > 0
						&& lockWaits(url) > 0);
			this.server.outage(OUTAGE);
			// 2. settlement: a patient's row locked, the others settled meanwhile
			Connection settlementHold = hold(url,
					"BEGIN; SELECT 1 FROM person WHERE person_id = (SELECT max(patient_id)"
							+ " FROM claim WHERE status = 'RECEIVED' AND patient_id IN (SELECT person_id FROM person)) FOR UPDATE");
			await().atMost(PATIENCE)
				.until(() -> alive(process, run.resolve("run-once.log"))
						&& count(url, "SELECT count(*) FROM settlement") > 0 && lockWaits(url) > 0);
			settlementHold.close();
			this.server.outage(OUTAGE);
			// 3. responses: the last file's row locked, some answers written meanwhile
			Connection responsesHold = hold(url,
					"BEGIN; SELECT 1 FROM claim_file WHERE id = (SELECT max(id) FROM claim_file"
							+ " WHERE status = 'ACCEPTED') FOR UPDATE");
			await().atMost(PATIENCE)
				.until(() -> alive(process, run.resolve("run-once.log")) && answers(run) > 0 && lockWaits(url) > 0);
			responsesHold.close();
			this.server.outage(OUTAGE);

			assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
				.as(() -> "run-once ends; its log:%n" + tail(run.resolve("run-once.log")))
				.isTrue();
			assertThat(process.exitValue()).as("run-once's exit status (%s)", run.resolve("run-once.log")).isZero();
		}
		finally {
			process.destroyForcibly();
		}
		assertThat(Files.readString(run.resolve("run-once.log"))).contains("Database unavailable while",
				"retrying in 1 s");
		assertSameAsUninterrupted(url, run);
	}

	@Test
	void anOutageLongerThanTheBudgetFailsWithASentenceAndSettlesNothingUntilTheNextRun() throws Exception {
		String url = this.server.createDatabase("long_outage");
		Path run = this.dir.resolve("long");
		RunOnceProcesses.copyInbound(run.resolve("inbound"));
		// the held lock's session goes with the server (kept referenced: PgJDBC closes a
		// connection it finds unreachable)
		Connection held = hold(url, "SELECT pg_advisory_lock(4, hashtext('" + busiestHospital() + "'))");
		Process first = RunOnceProcesses.start(url, run, "first", "--medclaims.database.retry-for=6s",
				"--spring.datasource.hikari.connection-timeout=1000");
		await().atMost(PATIENCE)
			.until(() -> alive(first, run.resolve("first.log")) && count(url, "SELECT count(*) FROM claim") > 0
					&& lockWaits(url) > 0);
		this.server.stop();
		System.out.println("Test: PostgreSQL stopped at " + java.time.Instant.now());
		// the budget is the outage's: every thread gives up within it (and the pool's 1 s
		// timeout)
		assertThat(first.waitFor(30, TimeUnit.SECONDS))
			.as(() -> "run-once gives up within 30 s; its log:%n" + tail(run.resolve("first.log")))
			.isTrue();
		this.server.start();

		held.close();
		assertThat(first.exitValue()).isOne();
		assertThat(Files.readString(run.resolve("first.log")))
			.contains("The database was unavailable for longer than 6 s (medclaims.database.retry-for)");
		assertThat(count(url, "SELECT count(*) FROM settlement")).as("nothing settled around the files not taken in")
			.isZero();
		assertThat(count(url, "SELECT count(*) FROM claim_file WHERE status = 'RECEIVED'")).isPositive();

		Process second = RunOnceProcesses.start(url, run, "second");
		assertThat(second.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(second.exitValue()).as("the next run-once (%s)", run.resolve("second.log")).isZero();
		assertSameAsUninterrupted(url, run);
	}

	private void assertSameAsUninterrupted(String url, Path run) throws Exception {
		RunOnceProcesses.Reference uninterrupted = RunOnceProcesses.uninterrupted();
		Map<String, String> answers = RunOnceProcesses.answers(run.resolve("outbound"));
		assertThat(answers).hasSizeGreaterThanOrEqualTo(20);
		assertThat(RunOnceProcesses.differences(answers, uninterrupted.answers())).as("answers after the outages")
			.isEmpty();
		for (String results : RunOnceProcesses.RESULTS) {
			assertThat(RunOnceProcesses.column(url, results)).as(results)
				.isEqualTo(uninterrupted.results().get(results));
		}
		assertThat(count(url, "SELECT count(*) FROM claim WHERE status = 'RECEIVED'")).isZero();
		assertThat(run.resolve("inbound")).isEmptyDirectory();
	}

	// the hospital that sends the most files: its intake is the one held
	private static String busiestHospital() throws Exception {
		try (Stream<Path> files = Files.list(RunOnceProcesses.SCENARIO.resolve("inbound"))) {
			return files.map(f -> f.getFileName().toString().split("_")[0])
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
				.entrySet()
				.stream()
				.max(Map.Entry.comparingByValue(Comparator.naturalOrder()))
				.orElseThrow()
				.getKey();
		}
	}

	// a session of the test's that takes a lock and keeps it until closed (or until the
	// server stops)
	private static Connection hold(String url, String sql) throws SQLException {
		Connection connection = DriverManager.getConnection(url);
		connection.createStatement().execute(sql);
		return connection;
	}

	private static int lockWaits(String url) throws SQLException {
		return count(url, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
	}

	private static int count(String url, String sql) {
		try {
			return RunOnceProcesses.count(url, sql);
		}
		catch (SQLException ex) {
			return 0; // not there yet (no schema), or the server is restarting
		}
	}

	private static long answers(Path run) throws Exception {
		Path outbound = run.resolve("outbound");
		if (!Files.isDirectory(outbound)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(outbound)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".res")).count();
		}
		catch (java.io.UncheckedIOException ex) {
			// an answer renamed into place while the folder was read: look again
			return 0;
		}
	}

	// the log's last lines without stack frames
	private static String tail(Path log) {
		try {
			String text = Files.readString(log)
				.lines()
				.filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t..."))
				.collect(Collectors.joining("\n"));
			return text.substring(Math.max(0, text.length() - 20_000));
		}
		catch (java.io.IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	private static boolean alive(Process process, Path log) throws Exception {
		if (!process.isAlive()) {
			assertThat(process.isAlive())
				.as("run-once is still running; it ended %d, its log:%n%s", process.exitValue(), Files.readString(log))
				.isTrue();
		}
		return true;
	}

}
