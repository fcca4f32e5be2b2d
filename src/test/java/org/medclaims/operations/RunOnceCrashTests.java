package org.medclaims.operations;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.medclaims.MedclaimsApplication;
import org.medclaims.TestDatabases;
import org.medclaims.settlement.GeneratedScenario;
import org.medclaims.settlement.LedgerCheck;
import org.medclaims.system.Command;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code run-once} killed with SIGKILL during the intake, and again during the settlement; the
 * operator restarts the killed settlement with {@code restart <id>} and runs {@code run-once}
 * again: the responses, the ledger and every balance are those of a run never interrupted.
 */
@SpringBootTest(properties = { "medclaims.inbound-dir=${medclaims.test-data-dir}/crashed/inbound",
		"medclaims.outbound-dir=${medclaims.test-data-dir}/crashed/outbound",
		"medclaims.archive-dir=${medclaims.test-data-dir}/crashed/archive",
		"medclaims.rejected-dir=${medclaims.test-data-dir}/crashed/rejected" })
class RunOnceCrashTests {

	private static final Path SCENARIO = GeneratedScenario.files();

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
		copyInbound(crashed.resolve("inbound"));
		String url = this.environment.getProperty("spring.datasource.url");

		killWhen(runOnce(url, crashed, "intake"), () -> count("SELECT count(*) FROM claim"), 3_000);
		assertThat(count("SELECT count(*) FROM settlement")).as("killed before settling").isZero();
		killWhen(runOnce(url, crashed, "settlement"), () -> count("SELECT count(*) FROM settlement"), 1_500);
		assertThat(count("SELECT count(*) FROM claim WHERE status = 'RECEIVED'")).as("killed mid-settlement").isPositive();
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
		assertThat(count("SELECT count(*) FROM claim_file WHERE intake_finished_at IS NULL")).as("unfinished intakes").isZero();
		assertThat(crashed.resolve("inbound")).isEmptyDirectory();

		Path clean = this.testData.resolve("clean");
		copyInbound(clean.resolve("inbound"));
		String cleanUrl = TestDatabases.create("RunOnceUninterrupted");
		Process uninterrupted = runOnce(cleanUrl, clean, "uninterrupted");
		assertThat(uninterrupted.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(uninterrupted.exitValue()).isZero();

		Map<String, String> answers = answers(crashed.resolve("outbound"));
		assertThat(differences(answers, answers(clean.resolve("outbound")))).as("answers after the crashes").isEmpty();
		assertThat(answers).hasSizeGreaterThanOrEqualTo(20);
		String accounts = "SELECT person_id || ':' || current_account || ':' || historical_account FROM person ORDER BY 1";
		assertThat(this.jdbc.queryForList(accounts, String.class)).isEqualTo(column(cleanUrl, accounts));
		String ledger = "SELECT count(*) || ' entries, ' || sum(amount) || ' fen' FROM ledger_entry";
		assertThat(this.jdbc.queryForList(ledger, String.class)).isEqualTo(column(cleanUrl, ledger));
		LedgerCheck.Result check = this.ledgerCheck.check();
		assertThat(check.mismatches()).isEmpty();
		assertThat(check.orphans()).isEmpty();
		assertThat(count("SELECT count(*) FROM claim WHERE status = 'RECEIVED'")).isZero();
	}

	/** Every answer file, by its path, with the header's processedAt left out. */
	private static Map<String, String> answers(Path outbound) throws IOException {
		Map<String, String> answers = new TreeMap<>();
		try (Stream<Path> files = Files.walk(outbound)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				String header = lines.get(0).substring(0, lines.get(0).lastIndexOf('|'));
				answers.put(outbound.relativize(file).toString(),
						header + "\n" + String.join("\n", lines.subList(1, lines.size())));
			}
		}
		return answers;
	}

	/** Each answer file missing, extra or different, with its first differing line: what a reader needs. */
	private static List<String> differences(Map<String, String> crashed, Map<String, String> clean) {
		List<String> differences = new ArrayList<>();
		Set<String> names = new TreeSet<>(crashed.keySet());
		names.addAll(clean.keySet());
		for (String name : names) {
			if (!crashed.containsKey(name) || !clean.containsKey(name)) {
				differences.add(name + (crashed.containsKey(name) ? " only after the crashes" : " only without them"));
				continue;
			}
			String[] a = crashed.get(name).split("\n", -1);
			String[] b = clean.get(name).split("\n", -1);
			for (int i = 0; i < Math.max(a.length, b.length); i++) {
				String x = (i < a.length) ? a[i] : "(no line)";
				String y = (i < b.length) ? b[i] : "(no line)";
				if (!x.equals(y)) {
					differences.add(name + " line " + (i + 1) + ": after the crashes " + x + "; without them " + y);
					break;
				}
			}
		}
		return differences;
	}

	private static void killWhen(Process process, IntSupplier progress, int threshold) throws InterruptedException {
		try {
			await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(20))
				.until(() -> !process.isAlive() || progress.getAsInt() >= threshold);
			assertThat(process.isAlive()).as("still running when killed").isTrue();
		}
		finally {
			process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback but PostgreSQL's own
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private Process runOnce(String url, Path dir, String name) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-cp", System.getProperty("java.class.path"), MedclaimsApplication.class.getName(), "run-once",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--medclaims.reference-dir=" + SCENARIO.resolve("reference"), "--medclaims.settlement.chunk-size=3",
				"--medclaims.intake.chunk-size=50"));
		for (String folder : List.of("inbound", "outbound", "archive", "rejected")) {
			command.add("--medclaims." + folder + "-dir=" + dir.resolve(folder));
		}
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve(name + ".log").toFile())
			.directory(new File(".").getAbsoluteFile())
			.start();
	}

	private Command command(String name) {
		return this.commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

	private static List<String> column(String url, String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static void copyInbound(Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(SCENARIO.resolve("inbound"))) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

}
