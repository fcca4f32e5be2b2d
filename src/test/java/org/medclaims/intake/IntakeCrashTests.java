package org.medclaims.intake;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.medclaims.MedclaimsApplication;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real {@code serve} process killed with SIGKILL in the middle of staging a file, then
 * the same intake instance restarted: every claim is staged exactly once.
 */
@SpringBootTest(properties = "medclaims.intake.watch=false")
class IntakeCrashTests {

	private static final int CLAIMS = 150_000;

	@Autowired
	ClaimIntake intake;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	MedclaimsProperties folders;

	@Autowired
	Environment environment;

	@Value("${medclaims.test-data-dir}")
	Path testData;

	@Test
	void aServeProcessKilledMidStagingIsRestartedAndStagesEachClaimExactlyOnce() throws Exception {
		new IntakeTestSupport(this.jdbc, this.folders).reset(this.referenceImport);
		ClaimFileBuilder builder = ClaimFileBuilder.file("301");
		for (int i = 0; i < CLAIMS; i++) {
			builder.claim(String.format("K%06d", i));
		}
		Path file = builder.writeTo(this.folders.inboundDir());
		Path log = this.testData.resolve("serve.log");

		Process serve = startServe(log);
		try {
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> !serve.isAlive() || claims() >= 3_000);
		}
		finally {
			serve.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback
										// but PostgreSQL's
			serve.waitFor(30, TimeUnit.SECONDS);
		}

		int staged = claims();
		assertThat(staged).as("claims committed before the kill (see %s)", log).isBetween(3_000, CLAIMS - 1);
		assertThat(file).exists();
		assertThat(this.jdbc.queryForObject("SELECT status FROM claim_file", String.class)).isEqualTo("RECEIVED");
		assertThat(this.jdbc.queryForObject(
				"SELECT status FROM batch_job_execution e JOIN batch_job_instance i"
						+ " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'claimIntakeJob'",
				String.class))
			.isEqualTo("STARTED");
		// while nobody says the owner is gone, a STARTED execution is left alone
		assertThat(this.intake.resumeUnfinished().executions()).isEmpty();

		List<JobExecution> resumed = this.intake.resumeUnfinished(execution -> true).executions();

		assertThat(resumed).singleElement().satisfies(e -> assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED));
		assertThat(claims()).isEqualTo(CLAIMS);
		assertThat(this.jdbc.queryForObject("SELECT count(DISTINCT position) FROM claim", Integer.class))
			.isEqualTo(CLAIMS);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status <> 'RECEIVED'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_line", Integer.class)).isEqualTo(CLAIMS);
		assertThat(this.jdbc.queryForMap("SELECT status, accepted_claim_count FROM claim_file"))
			.containsEntry("status", "ACCEPTED")
			.containsEntry("accepted_claim_count", CLAIMS);
		assertThat(this.jdbc.queryForList("SELECT status FROM batch_job_execution e JOIN batch_job_instance i"
				+ " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'claimIntakeJob' ORDER BY e.job_execution_id",
				String.class))
			.containsExactly("FAILED", "COMPLETED");
		assertThat(file).doesNotExist();
	}

	private int claims() {
		return this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class);
	}

	private Process startServe(Path log) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
						System.getProperty("java.class.path"), MedclaimsApplication.class.getName(), "serve",
						"--server.port=0", "--medclaims.intake.stable-for=0s", "--medclaims.intake.poll-interval=100ms",
						"--medclaims.intake.chunk-size=100"));
		for (String name : List.of("spring.datasource.url", "spring.datasource.username", "medclaims.inbound-dir",
				"medclaims.outbound-dir", "medclaims.archive-dir", "medclaims.rejected-dir")) {
			command.add("--" + name + "=" + this.environment.getProperty(name));
		}
		Files.createDirectories(log.getParent());
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(new File(".").getAbsoluteFile())
			.start();
	}

}
