package org.medclaims.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medclaims.MedclaimsApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Demo mode's embedded PostgreSQL keeps its data in its folder and starts cleanly after
 * the JVM was killed with {@code kill -9}, which leaves its PostgreSQL child running on
 * that folder; a command run beside a live demo shares its server instead of stopping it.
 */
class EmbeddedPostgresRestartTests {

	// logged by the last start-up runner, once the application is fully up
	private static final String STARTED = "for claim files";

	@TempDir
	Path dir;

	@Test
	void startsAgainAfterAKill9AndKeepsItsData() throws Exception {
		Process first = serve("first.log");
		Path pidFile = this.dir.resolve("postgres/postmaster.pid");
		try {
			awaitLog("first.log", STARTED);
		}
		finally {
			first.destroyForcibly(); // SIGKILL: the PostgreSQL child lives on
			first.waitFor(30, TimeUnit.SECONDS);
		}
		long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphaned postmaster").hasValue(true);
		assertThat(log("first.log")).contains("Demo mode, first start: copied");

		Process second = serve("second.log");
		try {
			awaitLog("second.log", STARTED);
			assertThat(log("second.log")).contains("left by an earlier run still holds")
				.doesNotContain("Demo mode, first start") // the first start's data is
															// still there
				.doesNotContain("APPLICATION FAILED TO START");
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();

			// a command typed beside the running demo shares its database and leaves it
			// running
			Process jobs = command("jobs.log", "jobs");
			assertThat(jobs.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(jobs.exitValue()).as(log("jobs.log")).isZero();
			assertThat(log("jobs.log")).contains("referenceImportJob");
			assertThat(ProcessHandle.of(Long.parseLong(this.lastPid)).map(ProcessHandle::isAlive)).hasValue(true);
		}
		finally {
			second.destroy(); // SIGTERM: a clean shutdown stops PostgreSQL too
			assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		// the intake lock is released while its session lives, then the pool closes, then
		// PostgreSQL stops
		String stopping = log("second.log").substring(log("second.log").indexOf("Commencing graceful shutdown"));
		assertThat(stopping).doesNotContain("Exception")
			.doesNotContain(" WARN ")
			.doesNotContain(" ERROR ")
			.contains("Shutdown completed");
		assertThat(second.exitValue()).isIn(0, 143);
		long restarted = Long.parseLong(this.lastPid);
		await().atMost(Duration.ofSeconds(30))
			.alias("PostgreSQL stops with a clean shutdown")
			.until(() -> !ProcessHandle.of(restarted).map(ProcessHandle::isAlive).orElse(false));
	}

	private String lastPid = "0";

	// a failed run must not leave a PostgreSQL server behind
	@AfterEach
	void stopLeftoverPostgres() throws IOException {
		Path pidFile = this.dir.resolve("postgres/postmaster.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
				.ifPresent(ProcessHandle::destroy);
		}
	}

	private void awaitLog(String name, String text) {
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
			Path pidFile = this.dir.resolve("postgres/postmaster.pid");
			if (Files.exists(pidFile)) {
				List<String> lines = Files.readAllLines(pidFile);
				if (!lines.isEmpty()) {
					this.lastPid = lines.get(0).trim();
				}
			}
			return log(name).contains(text);
		});
	}

	private String log(String name) throws IOException {
		Path file = this.dir.resolve(name);
		return Files.exists(file) ? Files.readString(file) : "";
	}

	private Process serve(String logName) throws IOException {
		return command(logName, "serve", "--server.port=0", "--medclaims.intake.stable-for=60s");
	}

	private Process command(String logName, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
						System.getProperty("java.class.path"), MedclaimsApplication.class.getName()));
		command.addAll(List.of(arguments));
		command.add("--medclaims.embedded-db.data-dir=" + this.dir.resolve("postgres"));
		for (String folder : List.of("inbound", "outbound", "archive", "rejected")) {
			command.add("--medclaims." + folder + "-dir=" + this.dir.resolve(folder));
		}
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(logName).toFile())
			.directory(new File(".").getAbsoluteFile())
			.start();
	}

}
