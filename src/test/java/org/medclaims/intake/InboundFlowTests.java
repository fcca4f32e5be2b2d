package org.medclaims.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.MedclaimsApplication;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medclaims.intake.ClaimFileBuilder.file;

/**
 * The inbound folder as {@code serve} watches it: stable files, temporary names, order,
 * restarts.
 */
@SpringBootTest(properties = { "medclaims.intake.stable-for=3s", "medclaims.intake.poll-interval=100ms",
		"medclaims.intake.watch=true" })
class InboundFlowTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	MedclaimsProperties folders;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	IntakeTestSupport support;

	@BeforeEach
	void emptyIntake() throws Exception {
		this.support = new IntakeTestSupport(this.jdbc, this.folders);
		this.support.reset(this.referenceImport);
	}

	@Test
	void takesAFileWrittenInTwoPartsOnlyOnceItIsComplete() throws Exception {
		ClaimFileBuilder builder = file("201").claim("P1").claim("P2").claim("P3");
		byte[] bytes = builder.bytes();
		int half = bytes.length / 2;
		Path file = this.support.inbound(builder.name());
		Files.write(file, java.util.Arrays.copyOfRange(bytes, 0, half));
		await().during(Duration.ofMillis(1200))
			.atMost(Duration.ofMillis(1900))
			.until(() -> this.support.count("claim_file") == 0);

		Files.write(file, java.util.Arrays.copyOfRange(bytes, half, bytes.length), StandardOpenOption.APPEND);

		await().atMost(PATIENCE).until(() -> finished() == 1);
		Map<String, Object> arrival = this.jdbc.queryForMap("SELECT * FROM claim_file");
		assertThat(arrival).containsEntry("status", "ACCEPTED")
			.containsEntry("size_bytes", (long) bytes.length)
			.containsEntry("claim_count", 3)
			.containsEntry("source", "LOCAL")
			.containsEntry("source_path", file.toAbsolutePath().toString());
		assertThat(this.support.archived("H330282001", builder.name())).hasBinaryContent(bytes);
		assertThat(this.support.count("claim")).isEqualTo(3);
	}

	@Test
	void leavesTemporaryNamesAloneAndTakesTheFileOnceRenamed() throws Exception {
		ClaimFileBuilder builder = file("202").claim("T1");
		Path part = builder.writeTo(this.folders.inboundDir(), builder.name() + ".part");
		builder.writeTo(this.folders.inboundDir(), builder.name() + ".tmp");
		builder.writeTo(this.folders.inboundDir(), "." + builder.name());
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(4))
			.until(() -> this.support.count("claim_file") == 0);

		Files.move(part, this.support.inbound(builder.name()));

		await().atMost(PATIENCE).until(() -> finished() == 1);
		assertThat(this.jdbc.queryForList("SELECT file_name || ' ' || status FROM claim_file", String.class))
			.containsExactly(builder.name() + " ACCEPTED");
		assertThat(IntakeTestSupport.fileNames(this.folders.inboundDir())).containsExactly("." + builder.name(),
				builder.name() + ".tmp");
	}

	@Test
	void takesFilesPresentTogetherInNameOrder() throws Exception {
		Path staging = Files.createTempDirectory(this.folders.inboundDir().getParent(), "upload");
		for (String seq : List.of("213", "211", "212")) {
			file(seq).claim("N" + seq).writeTo(staging);
		}
		for (String seq : List.of("213", "211", "212")) {
			String name = file(seq).name();
			Files.move(staging.resolve(name), this.support.inbound(name));
		}

		await().atMost(PATIENCE).until(() -> finished() == 3);
		assertThat(this.jdbc.queryForList("SELECT file_name FROM claim_file ORDER BY id", String.class))
			.containsExactly("H330282001_20131231_211.clm", "H330282001_20131231_212.clm",
					"H330282001_20131231_213.clm");
		FileSystemUtils.deleteRecursively(staging);
	}

	@Test
	void takesASecondFileOfTheSameNameAsANewArrival() throws Exception {
		ClaimFileBuilder corrected = file("221").claim("K1");
		String broken = corrected.text().replace("T|1|1|10.00\n", "");
		Files.writeString(this.support.inbound(corrected.name()), broken, StandardCharsets.UTF_8);
		await().atMost(PATIENCE).until(() -> finished() == 1);
		assertThat(this.jdbc.queryForObject("SELECT reject_code FROM claim_file", String.class)).isEqualTo("F_TRAILER");

		corrected.writeTo(this.folders.inboundDir());

		await().atMost(PATIENCE).until(() -> finished() == 2);
		assertThat(this.jdbc.queryForList(
				"SELECT status || ' ' || coalesce(reject_code, '-') FROM claim_file ORDER BY id", String.class))
			.containsExactly("REJECTED F_TRAILER", "ACCEPTED -");
		assertThat(this.support.rejected(corrected.name())).hasContent(broken);
		assertThat(this.support.archived("H330282001", corrected.name())).hasContent(corrected.text());
	}

	@Test
	void aRestartOfTheApplicationNeitherTakesAFileTwiceNorLosesOne() throws Exception {
		// a file whose intake failed (the archive could not be written) stays in the
		// folder, recorded as taken
		FileSystemUtils.deleteRecursively(this.folders.archiveDir());
		Files.writeString(this.folders.archiveDir(), "not a folder");
		ClaimFileBuilder failing = file("231").claim("F1");
		failing.writeTo(this.folders.inboundDir());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.queryForObject("SELECT count(*) FROM batch_job_execution WHERE status = 'FAILED'",
					Integer.class) == 1);
		Lifecycle adapter = this.context.getBean(InboundFlowConfiguration.ADAPTER_ID, Lifecycle.class);
		adapter.stop();
		// this application "dies": the database would release its intake lock
		IntakeLock intakeLock = this.context.getBean(IntakeLock.class);
		intakeLock.destroy();
		Files.delete(this.folders.archiveDir());
		// a file recorded as taken just before a crash, never received
		ClaimFileBuilder lost = file("232").claim("L1");
		Path lostFile = lost.writeTo(this.folders.inboundDir());
		this.jdbc.update(
				"INSERT INTO int_metadata_store (metadata_key, metadata_value, region) VALUES (?, ?, 'DEFAULT')",
				InboundFolder.KEY_PREFIX + lostFile.toAbsolutePath(), String.valueOf(lostFile.toFile().lastModified()));
		assertThat(this.support.count("claim_file")).isEqualTo(1);

		try (ConfigurableApplicationContext restarted = startAnotherApplication()) {
			await().atMost(PATIENCE).until(() -> finished() == 2);
		}
		finally {
			assertThat(intakeLock.acquire()).as("released by the restarted application when it closed").isTrue();
			adapter.start();
		}

		assertThat(
				this.jdbc.queryForList("SELECT file_name || ' ' || status FROM claim_file ORDER BY id", String.class))
			.containsExactly(failing.name() + " ACCEPTED", lost.name() + " ACCEPTED");
		String batch = this.jdbc.queryForObject("SELECT batch_id::text FROM claim_file WHERE file_name = ?",
				String.class, failing.name());
		assertThat(this.jdbc.queryForList("SELECT e.status FROM batch_job_execution e JOIN batch_job_execution_params p"
				+ " ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'batch' WHERE p.parameter_value = ?"
				+ " ORDER BY e.job_execution_id", String.class, batch))
			.containsExactly("FAILED", "COMPLETED");
		// the restart finished the same instance
		assertThat(this.jdbc.queryForObject("SELECT count(DISTINCT e.job_instance_id) FROM batch_job_execution e"
				+ " JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id"
				+ " AND p.parameter_name = 'batch' WHERE p.parameter_value = ?", Integer.class, batch))
			.isEqualTo(1);
		assertThat(IntakeTestSupport.fileNames(this.folders.inboundDir())).isEmpty();
	}

	private int finished() {
		return this.jdbc.queryForObject("SELECT count(*) FROM claim_file WHERE intake_finished_at IS NOT NULL",
				Integer.class);
	}

	private ConfigurableApplicationContext startAnotherApplication() {
		Map<String, Object> properties = new HashMap<>();
		for (String name : List.of("spring.datasource.url", "spring.datasource.username", "medclaims.inbound-dir",
				"medclaims.outbound-dir", "medclaims.archive-dir", "medclaims.rejected-dir",
				"medclaims.intake.stable-for", "medclaims.intake.poll-interval", "medclaims.intake.watch")) {
			properties.put(name, this.environment.getProperty(name));
		}
		properties.put("medclaims.command", "serve");
		return new SpringApplicationBuilder(MedclaimsApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

}
