package org.medclaims.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medclaims.Examples;
import org.medclaims.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, copied alone into an empty folder, works there: the policy versions,
 * the demo registry and the demo claim files are inside it, and nothing of the checkout
 * is needed.
 */
class JarStandsAloneIT {

	private static final Path JAR = Path.of("target/medclaims.jar");

	@TempDir
	Path folder;

	@BeforeEach
	void copyTheJarAlone() throws IOException {
		assertThat(JAR).as("the packaged jar (mvn package)").exists();
		Files.copy(JAR, this.folder.resolve("medclaims.jar"));
	}

	@Test
	void runOnceOnAConfiguredDatabaseAnswersTheExample() throws Exception {
		Examples.copyInbound(this.folder.resolve("data/inbound"));

		Run run = java("run-once", "--spring.datasource.url=" + TestDatabases.create("JarStandsAloneIT"),
				"--spring.datasource.username=postgres", "--medclaims.reference-dir=" + Examples.reference());

		assertThat(run.exit()).as("run-once's exit status; its output:%n%s", run.output()).isZero();
		assertThat(run.output()).contains("the built-in set");
		Examples.assertAnswersAsExpected(this.folder.resolve("data/outbound"));
	}

	@Test
	void runOnceOnTheEmbeddedDatabaseAnswersTheExampleAndStopsIt() throws Exception {
		Examples.copyInbound(this.folder.resolve("data/inbound"));

		Run run = java("run-once", "--medclaims.reference-dir=" + Examples.reference());

		assertThat(run.exit()).as("run-once's exit status; its output:%n%s", run.output()).isZero();
		Examples.assertAnswersAsExpected(this.folder.resolve("data/outbound"));
		assertThat(this.folder.resolve("data/postgres/PG_VERSION")).as("the embedded database's files").exists();
		assertThat(this.folder.resolve("data/postgres/postmaster.pid")).as("a server left running").doesNotExist();
	}

	@Test
	void serveInDemoModeAnswersTheBuiltInDemoFiles() throws Exception {
		// the example's answers are those of accounts without the demo credits, which the
		// current-year accounts pay
		// first: an empty credits folder stands in for the built-in one
		Files.createDirectories(this.folder.resolve("no-credits"));
		Process serve = start("serve", "--server.port=" + freePort(), "--medclaims.intake.stable-for=1s",
				"--medclaims.intake.poll-interval=1s", "--medclaims.credits-dir=no-credits");
		try {
			Path outbound = this.folder.resolve("data/outbound");
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.untilAsserted(() -> {
					assertThat(serve.isAlive()).as("serve is running").isTrue();
					Examples.assertAnswersAsExpected(outbound);
				});
		}
		finally {
			serve.destroy();
			assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
		}
	}

	private Run java(String... arguments) throws Exception {
		Process process = start(arguments);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the command ends").isTrue();
		return new Run(process.exitValue(),
				Files.readString(this.folder.resolve("output.txt"), StandardCharsets.UTF_8));
	}

	private Process start(String... arguments) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
						"medclaims.jar"));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).directory(this.folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("output.txt").toFile())
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record Run(int exit, String output) {
	}

}
