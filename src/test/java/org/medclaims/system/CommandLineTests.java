package org.medclaims.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.medclaims.MedclaimsApplication;
import org.medclaims.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line before anything starts: help and unknown commands open no port and
 * touch no database.
 */
class CommandLineTests {

	@Test
	void helpInEveryFormPrintsEveryCommandAndStartsNothing() throws Exception {
		for (String help : new String[] { "help", "--help", "-h" }) {
			String database = TestDatabases.create("help");
			int port = freePort();
			Set<Thread> before = threads();
			Run run = run(help, "--server.port=" + port, "--spring.datasource.url=" + database);

			assertThat(run.status()).as(help).hasValue(0);
			for (CommandUsage.Line line : CommandUsage.lines()) {
				assertThat(run.out()).as(help).contains("  " + line.name());
			}
			assertThat(run.out()).contains("credit-accounts <file>").doesNotContain("generate").contains("jobs [id]");
			assertThat(run.err()).isEmpty();
			assertNothingStarted(before, port, database);
		}
	}

	@Test
	void anUnknownCommandPrintsTheUsageAndExits2WithoutStarting() throws Exception {
		String database = TestDatabases.create("unknown");
		int port = freePort();
		Set<Thread> before = threads();
		Run run = run("frobnicate", "--server.port=" + port, "--spring.datasource.url=" + database);

		assertThat(run.status()).hasValue(2);
		assertThat(run.err()).startsWith("Unknown command 'frobnicate'.").contains("  run-once").contains("  worker");
		assertThat(run.out()).isEmpty();
		assertNothingStarted(before, port, database);
	}

	@Test
	void helpAfterACommandStillOnlyPrintsTheUsage() throws Exception {
		String database = TestDatabases.create("jobshelp");
		Set<Thread> before = threads();
		Run run = run("jobs", "--help", "--spring.datasource.url=" + database);
		assertThat(run.status()).hasValue(0);
		assertThat(run.out()).contains("Usage: java -jar target/medclaims.jar");
		assertNothingStarted(before, freePort(), database);
	}

	// a server would still listen, its threads would still run, and Flyway would have
	// created its tables
	// (threads of contexts other test classes cached in this JVM are not this run's)
	private static void assertNothingStarted(Set<Thread> before, int port, String database) throws Exception {
		assertThatThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			}
		}).isInstanceOf(IOException.class);
		Set<Thread> started = threads();
		started.removeAll(before);
		assertThat(started).extracting(Thread::getName)
			.noneMatch(name -> name.startsWith("http-nio") || name.startsWith("HikariPool")
					|| name.startsWith("embedded-postgres") || name.startsWith("Tomcat"));
		try (Connection c = DriverManager.getConnection(database);
				ResultSet rs = c.createStatement()
					.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
			rs.next();
			assertThat(rs.getInt(1)).as("tables in " + database).isZero();
		}
	}

	private static Set<Thread> threads() {
		return new HashSet<>(Thread.getAllStackTraces().keySet());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Run run(String... args) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
		try {
			OptionalInt status = CommandLine.run(MedclaimsApplication.class, args);
			return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	private record Run(OptionalInt status, String out, String err) {
	}

}
