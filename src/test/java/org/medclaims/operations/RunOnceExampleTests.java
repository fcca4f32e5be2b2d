package org.medclaims.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.medclaims.settlement.LedgerCheck;
import org.medclaims.system.Command;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's end-to-end example: {@code run-once} over its registry and inbound folder writes
 * exactly the response and reject files of {@code expected-outbound/}.
 */
@SpringBootTest(properties = "medclaims.reference-dir=../shared/spec/examples/basic/reference")
class RunOnceExampleTests {

	private static final Path EXAMPLE = Path.of("../shared/spec/examples/basic");

	@Autowired
	List<Command> commands;

	@Autowired
	MedclaimsProperties properties;

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void writesTheExpectedOutboundFiles() throws Exception {
		copy(EXAMPLE.resolve("inbound"), this.properties.inboundDir());
		try (java.sql.Connection serve = this.jdbc.getDataSource().getConnection()) {
			// a serve of another process takes files in from this database: run-once takes nothing
			serve.createStatement().execute("SELECT pg_advisory_lock(6, 0)");
			assertThat(runOnce().run(List.of())).as("run-once beside a watching serve").isOne();
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_file", Integer.class)).isZero();
		}

		int exit = runOnce().run(List.of());

		assertThat(exit).isZero();
		Path expected = EXAMPLE.resolve("expected-outbound");
		List<Path> expectedFiles = files(expected);
		assertThat(files(this.properties.outboundDir()).stream().map(p -> this.properties.outboundDir().relativize(p)))
			.containsExactlyInAnyOrderElementsOf(expectedFiles.stream().map(expected::relativize).toList());
		for (Path file : expectedFiles) {
			Path actual = this.properties.outboundDir().resolve(expected.relativize(file));
			if (file.toString().endsWith(".res")) {
				assertSameResponse(read(actual), read(file), file.getFileName().toString());
			}
			else {
				assertThat(field(read(actual).get(1), 1)).as("first reject code of %s", file.getFileName())
					.isEqualTo(field(read(file).get(1), 1));
			}
		}
		// a bad name: no hospital to answer, the file and its .rej lie in the rejected area
		assertThat(this.properties.rejectedDir().resolve("h330282001_bad.clm")).exists();
		assertThat(this.properties.rejectedDir().resolve("h330282001_bad.clm.rej")).exists();
		// a file still being uploaded is left alone
		assertThat(this.properties.inboundDir().resolve("H330282001_20131231_910.clm.part")).exists();
		assertThat(this.ledgerCheck.check().consistent()).isTrue();

		assertThat(runOnce().run(List.of())).as("a second run-once finds nothing new").isZero();
		for (Path file : expectedFiles) {
			assertThat(this.properties.outboundDir().resolve(expected.relativize(file))).exists();
		}

		// an unfinished intake that cannot be resumed has no execution to fail, yet the run must not pass
		this.jdbc.update("UPDATE claim_file SET intake_finished_at = NULL WHERE id = (SELECT min(id) FROM claim_file)");
		assertThat(runOnce().run(List.of())).as("a run-once that leaves an intake unfinished").isOne();
	}

	private static void assertSameResponse(List<String> actual, List<String> expected, String name) {
		assertThat(actual).as("records of %s", name).hasSameSizeAs(expected);
		assertThat(Arrays.asList(actual.get(0).split("\\|")).subList(0, 4)).as("header of %s", name)
			.isEqualTo(Arrays.asList(expected.get(0).split("\\|")).subList(0, 4));
		for (int i = 1; i < expected.size(); i++) {
			String[] a = actual.get(i).split("\\|", -1);
			String[] e = expected.get(i).split("\\|", -1);
			if (e[0].equals("R")) {
				assertThat(Arrays.asList(a).subList(0, 15)).as("%s line %d", name, i + 1)
					.isEqualTo(Arrays.asList(e).subList(0, 15));
				assertThat(codes(a[15])).as("codes of %s line %d", name, i + 1).isEqualTo(codes(e[15]));
				assertThat(a[16]).as("message of %s line %d", name, i + 1).isNotBlank();
			}
			else {
				assertThat(actual.get(i)).as("%s line %d", name, i + 1).isEqualTo(expected.get(i));
			}
		}
	}

	private Command runOnce() {
		return this.commands.stream().filter(c -> c.name().equals("run-once")).findFirst().orElseThrow();
	}

	private static Set<String> codes(String field) {
		return field.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(field.split(",")));
	}

	private static String field(String record, int index) {
		return record.split("\\|", -1)[index];
	}

	private static List<String> read(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8);
	}

	private static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

}
