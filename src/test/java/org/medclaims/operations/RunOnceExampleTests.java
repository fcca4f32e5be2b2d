package org.medclaims.operations;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medclaims.Examples;
import org.medclaims.accounts.LedgerCheck;
import org.medclaims.system.Command;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's end-to-end example: {@code run-once} over its registry and inbound folder
 * writes exactly the response and reject files of {@code expected-outbound/}.
 */
@SpringBootTest
class RunOnceExampleTests {

	@DynamicPropertySource
	static void exampleRegistry(DynamicPropertyRegistry registry) {
		registry.add("medclaims.reference-dir", () -> Examples.reference().toString());
	}

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
		Examples.copyInbound(this.properties.inboundDir());
		try (java.sql.Connection serve = this.jdbc.getDataSource().getConnection()) {
			// a serve of another process takes files in from this database: run-once
			// takes nothing
			serve.createStatement().execute("SELECT pg_advisory_lock(6, 0)");
			assertThat(runOnce().run(List.of())).as("run-once beside a watching serve").isOne();
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_file", Integer.class)).isZero();
		}

		int exit = runOnce().run(List.of());

		assertThat(exit).isZero();
		Examples.assertAnswersAsExpected(this.properties.outboundDir());
		// a bad name: no hospital to answer, the file and its .rej lie in the rejected
		// area
		assertThat(this.properties.rejectedDir().resolve("h330282001_bad.clm")).exists();
		assertThat(this.properties.rejectedDir().resolve("h330282001_bad.clm.rej")).exists();
		// a file still being uploaded is left alone
		assertThat(this.properties.inboundDir().resolve("H330282001_20131231_910.clm.part")).exists();
		assertThat(this.ledgerCheck.check().consistent()).isTrue();

		assertThat(runOnce().run(List.of())).as("a second run-once finds nothing new").isZero();
		Examples.assertAnswersAsExpected(this.properties.outboundDir());

		// an unfinished intake that cannot be resumed has no execution to fail, yet the
		// run must not pass
		this.jdbc.update(
				"UPDATE claim_file SET intake_finished_at = NULL, status = 'RECEIVED' WHERE id = (SELECT min(id) FROM claim_file)");
		assertThat(runOnce().run(List.of())).as("a run-once that leaves an intake unfinished").isOne();
	}

	private Command runOnce() {
		return this.commands.stream().filter(c -> c.name().equals("run-once")).findFirst().orElseThrow();
	}

}
