package org.medclaims.operations;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.medclaims.MedclaimsApplication;
import org.medclaims.TestDatabases;
import org.medclaims.settlement.GeneratedScenario;

/**
 * {@code run-once} as a process of its own on the generated scenario, and what tells two
 * runs' results apart: their answer files, balances, ledger and yearly totals.
 */
public final class RunOnceProcesses {

	public static final Path SCENARIO = GeneratedScenario.files();

	/**
	 * What a run leaves in the database that must not depend on faults: balances, ledger,
	 * yearly totals.
	 */
	public static final List<String> RESULTS = List.of(
			"SELECT person_id || ':' || current_account || ':' || historical_account FROM person ORDER BY 1",
			"SELECT count(*) || ' entries, ' || sum(amount) || ' fen' FROM ledger_entry",
			"SELECT c.hospital_code || ':' || c.claim_no || ':' || l.person_id || ':' || l.kind || ':' || l.amount"
					+ " FROM ledger_entry l JOIN claim c ON c.id = l.claim_id ORDER BY 1",
			"SELECT person_id || ':' || year || ':' || fund_paid || ':' || segment_used || ':' || admissions"
					+ " FROM person_year ORDER BY 1");

	private static Reference uninterrupted;

	private RunOnceProcesses() {
	}

	/**
	 * What a run-once of the scenario never interrupted answers and leaves: the reference
	 * every faulted run is compared with, run once per test JVM.
	 */
	public static synchronized Reference uninterrupted() throws Exception {
		if (uninterrupted == null) {
			Files.createDirectories(Path.of("target/test-data"));
			Path dir = Files.createTempDirectory(Path.of("target/test-data"), "RunOnceUninterrupted-");
			copyInbound(dir.resolve("inbound"));
			String url = TestDatabases.create("RunOnceUninterrupted");
			Process run = start(url, dir, "uninterrupted");
			if (!run.waitFor(300, TimeUnit.SECONDS) || run.exitValue() != 0) {
				run.destroyForcibly();
				throw new IllegalStateException(
						"The uninterrupted run-once failed: " + dir.resolve("uninterrupted.log"));
			}
			Map<String, List<String>> results = new LinkedHashMap<>();
			for (String sql : RESULTS) {
				results.put(sql, column(url, sql));
			}
			uninterrupted = new Reference(answers(dir.resolve("outbound")), results);
		}
		return uninterrupted;
	}

	/**
	 * @param answers {@link #answers(Path)} of the run's outbound folder
	 * @param results each of {@link #RESULTS} with its rows
	 */
	public record Reference(Map<String, String> answers, Map<String, List<String>> results) {
	}

	/**
	 * Starts {@code run-once} on the scenario's folders under {@code dir}, its output in
	 * {@code dir/<name>.log}.
	 */
	static Process start(String url, Path dir, String name, String... options) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
						System.getProperty("java.class.path"), MedclaimsApplication.class.getName(), "run-once",
						"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
						"--medclaims.reference-dir=" + SCENARIO.resolve("reference"),
						"--medclaims.settlement.chunk-size=3", "--medclaims.intake.chunk-size=50"));
		for (String folder : List.of("inbound", "outbound", "archive", "rejected")) {
			command.add("--medclaims." + folder + "-dir=" + dir.resolve(folder));
		}
		command.addAll(List.of(options));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve(name + ".log").toFile())
			.directory(new File(".").getAbsoluteFile())
			.start();
	}

	static void copyInbound(Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(SCENARIO.resolve("inbound"))) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

	/** Every answer file, by its path, with the header's processedAt left out. */
	public static Map<String, String> answers(Path outbound) throws IOException {
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

	/**
	 * Each answer file missing, extra or different, with its first differing line: what a
	 * reader needs.
	 */
	public static List<String> differences(Map<String, String> faulted, Map<String, String> clean) {
		List<String> differences = new ArrayList<>();
		Set<String> names = new TreeSet<>(faulted.keySet());
		names.addAll(clean.keySet());
		for (String name : names) {
			if (!faulted.containsKey(name) || !clean.containsKey(name)) {
				differences.add(name + (faulted.containsKey(name) ? " only after the faults" : " only without them"));
				continue;
			}
			String[] a = faulted.get(name).split("\n", -1);
			String[] b = clean.get(name).split("\n", -1);
			for (int i = 0; i < Math.max(a.length, b.length); i++) {
				String x = (i < a.length) ? a[i] : "(no line)";
				String y = (i < b.length) ? b[i] : "(no line)";
				if (!x.equals(y)) {
					differences.add(name + " line " + (i + 1) + ": after the faults " + x + "; without them " + y);
					break;
				}
			}
		}
		return differences;
	}

	public static List<String> column(String url, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(url, "postgres", null);
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	public static int count(String url, String sql) throws SQLException {
		return Integer.parseInt(column(url, sql).get(0));
	}

}
