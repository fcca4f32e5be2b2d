package org.medclaims.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medclaims.claims.ClaimFiles;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.settlement.SettlementLauncher;
import org.medclaims.system.MedclaimsProperties;
import org.medclaims.system.Sha256;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medclaims.intake.ClaimFileBuilder.file;

/**
 * One intake execution per batch of files, one partition per file: the decisions are
 * those of a sequential intake whatever the threads, and a fault costs only its own file.
 */
@SpringBootTest(properties = { "medclaims.intake.watch=false", "medclaims.intake.chunk-size=2" })
class IntakeBatchTests {

	private static final String H1 = "H330282001";

	private static final String H2 = "H330282002";

	@Autowired
	ClaimIntake intake;

	@Autowired
	IntakeBatches batches;

	@Autowired
	ClaimFiles claimFiles;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SettlementLauncher settlement;

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	MedclaimsProperties folders;

	@Autowired
	ThreadPoolTaskExecutor intakeTaskExecutor;

	@Value("${medclaims.test-data-dir}")
	Path testData;

	IntakeTestSupport support;

	Path drop;

	@BeforeEach
	void emptyIntake() throws Exception {
		this.support = new IntakeTestSupport(this.jdbc, this.folders);
		this.support.reset(this.referenceImport);
		this.drop = this.testData.resolve("drop");
		FileSystemUtils.deleteRecursively(this.drop);
		Files.createDirectories(this.drop);
	}

	@ParameterizedTest(name = "{0} thread(s)")
	@ValueSource(ints = { 1, 2, 4 })
	void aBatchDecidesClaimNumbersAsASequentialIntakeWhateverTheThreads(int threads) throws Exception {
		List<String> sequential = new ArrayList<>();
		for (Path file : crossedFiles()) {
			this.intake.receive(List.of(ClaimIntake.Incoming.local(file)));
		}
		sequential.addAll(outcomes());
		this.support.reset(this.referenceImport);
		this.intakeTaskExecutor.setCorePoolSize(1);
		this.intakeTaskExecutor.setMaxPoolSize(threads);
		this.intakeTaskExecutor.setCorePoolSize(threads);

		JobExecution batch = this.intake.receive(crossedFiles().stream().map(ClaimIntake.Incoming::local).toList());

		assertThat(batch.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcomes()).isEqualTo(sequential)
			.contains(
					// a number used by an earlier file of the same hospital
					"H330282001_20131231_202.clm:0:A2:REJECTED:E_DUPLICATE_CLAIM",
					// a number used only by a file rejected as a whole is free again
					"H330282001_20131231_204.clm:1:Z1:RECEIVED:-",
					// each hospital has its own numbers
					"H330282002_20131231_201.clm:0:A1:RECEIVED:-");
		assertThat(this.jdbc.queryForList(
				"SELECT file_name || ':' || coalesce(reject_code, status) FROM claim_file" + " ORDER BY file_name",
				String.class))
			.containsExactly("H330282001_20131231_201.clm:ACCEPTED", "H330282001_20131231_202.clm:ACCEPTED",
					"H330282001_20131231_203.clm:F_TRAILER_MISMATCH", "H330282001_20131231_204.clm:ACCEPTED",
					"H330282002_20131231_201.clm:ACCEPTED", "H330282002_20131231_202.clm:ACCEPTED");
		assertThat(partitions(batch)).hasSize(6)
			.allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED));
	}

	@Test
	void aFileThatFailsOnAFaultCostsOnlyItsHospitalsLaterFilesAndTheRestartTakesOnlyThose() throws Exception {
		Path first = file(H1, "20131231", "301").claim("P1").claim("P2").writeTo(this.drop);
		Path failing = file(H2, "20131231", "301").claim("F1").claim("F2").claim("F3").writeTo(this.drop);
		Path waiting = file(H2, "20131231", "302").claim("F3").claim("W1").writeTo(this.drop);
		Path third = file("H330282003", "20131231", "301").claim("P1").writeTo(this.drop);
		this.jdbc.execute("""
				CREATE FUNCTION refuse_claim() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN IF NEW.claim_no = 'F3' THEN RAISE EXCEPTION 'disk full (simulated)'; END IF; RETURN NEW; END $$
				""");
		this.jdbc
			.execute("CREATE TRIGGER refuse_claim BEFORE INSERT ON claim FOR EACH ROW EXECUTE FUNCTION refuse_claim()");
		JobExecution failed;
		try {
			failed = this.intake
				.receive(List.of(first, failing, waiting, third).stream().map(ClaimIntake.Incoming::local).toList());
		}
		finally {
			this.jdbc.execute("DROP TRIGGER refuse_claim ON claim");
			this.jdbc.execute("DROP FUNCTION refuse_claim()");
		}

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getExitStatus().getExitDescription()).contains("disk full (simulated)")
			.contains("4 file(s): 2 accepted, 0 rejected, 2 not decided");
		assertThat(status(first)).isEqualTo("ACCEPTED");
		assertThat(status(third)).isEqualTo("ACCEPTED");
		assertThat(status(failing)).isEqualTo("RECEIVED");
		// the hospital's next file waits for it: its F3 is decided after the first file's
		assertThat(status(waiting)).isEqualTo("RECEIVED");
		assertThat(partitions(failed)).extracting(p -> p.getStepName().replaceAll("#.*", "") + " " + p.getStatus())
			.containsExactlyInAnyOrder("takeFile:H330282001_20131231_301.clm COMPLETED",
					"takeFile:H330282002_20131231_301.clm FAILED", "takeFile:H330282002_20131231_302.clm FAILED",
					"takeFile:H330282003_20131231_301.clm COMPLETED");
		assertThat(failing).exists();
		assertThat(waiting).exists();
		// settlement never settles around the hole: the files not decided would come
		// after later claims
		assertThatThrownBy(() -> this.settlement.settle()).isInstanceOf(SettlementLauncher.SettlementRefused.class)
			.hasMessageStartingWith("Settlement waits: 2 claim file(s) taken in are not decided yet"
					+ " (H330282002_20131231_301.clm (arrival ")
			.hasMessageContaining("intake execution " + failed.getId())
			.hasMessageEndingWith("'settle --despite-unfinished-intake' settles without them.");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM settlement", Integer.class)).isZero();
		JobExecution despite = this.settlement.settle(true);
		assertThat(despite.getJobParameters().getString(SettlementLauncher.DESPITE_UNFINISHED_INTAKE))
			.contains("H330282002_20131231_301.clm", "H330282002_20131231_302.clm");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM settlement", Integer.class)).as("the decided files")
			.isEqualTo(3);

		JobExecution restarted = this.intake.resumeUnfinished().executions().get(0);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(partitions(restarted)).extracting(p -> p.getStepName().replaceAll("#.*", ""))
			.containsExactlyInAnyOrder("takeFile:H330282002_20131231_301.clm", "takeFile:H330282002_20131231_302.clm");
		assertThat(outcomes()).contains("H330282002_20131231_301.clm:2:F3:RECEIVED:-",
				"H330282002_20131231_302.clm:0:F3:REJECTED:E_DUPLICATE_CLAIM",
				"H330282002_20131231_302.clm:1:W1:RECEIVED:-");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_file WHERE status = 'ACCEPTED'", Integer.class))
			.isEqualTo(4);
	}

	// two hospitals; numbers crossing between the files of H1, one file of it rejected as
	// a whole
	private List<Path> crossedFiles() throws Exception {
		FileSystemUtils.deleteRecursively(this.drop);
		Files.createDirectories(this.drop);
		return List.of(file(H1, "20131231", "201").claim("A1").claim("A2").claim("A3").writeTo(this.drop),
				file(H1, "20131231", "202").claim("A2").claim("B1").claim("A4").writeTo(this.drop),
				Files.writeString(this.drop.resolve("H330282001_20131231_203.clm"),
						file(H1, "20131231", "203").claim("Z1").claim("B2").text().replace("T|2|", "T|3|")),
				file(H1, "20131231", "204").claim("B1").claim("Z1").claim("A1").claim("B2").writeTo(this.drop),
				file(H2, "20131231", "201").claim("A1").claim("A2").writeTo(this.drop),
				file(H2, "20131231", "202").claim("A2").claim("A5").writeTo(this.drop));
	}

	// every claim staged: file:position:number:status:code
	private List<String> outcomes() {
		return this.jdbc.queryForList("""
				SELECT f.file_name || ':' || c.position || ':' || c.claim_no || ':' || c.status || ':'
				       || coalesce(c.reject_code, '-')
				FROM claim c JOIN claim_file f ON f.id = c.file_id ORDER BY f.file_name, c.position
				""", String.class);
	}

	@Test
	void aBatchWhoseJobInstanceACrashLeftWithoutAnExecutionIsTakenInWhenResumed() throws Exception {
		Path file = file(H1, "20131231", "401").claim("C1").writeTo(this.drop);
		Sha256.Hashed content = Sha256.of(file);
		long batch = this.batches.newBatch();
		this.claimFiles.record(batch, file.getFileName().toString(), content.hex(), content.size(),
				ClaimIntake.Incoming.local(file).source(), file.toString(), file);
		// a process killed between creating the batch's job instance and its first
		// execution
		JobInstance orphan = this.jobRepository.createJobInstance(ClaimIntakeJobConfiguration.JOB_NAME,
				new JobParametersBuilder().addLong(ClaimIntakeJobConfiguration.BATCH, batch).toJobParameters());

		List<JobExecution> resumed = this.intake.resumeUnfinished().executions();

		assertThat(resumed).singleElement().satisfies(execution -> {
			assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(execution.getJobInstance().getInstanceId()).isNotEqualTo(orphan.getInstanceId());
		});
		assertThat(this.jobRepository.getJobInstance(orphan.getInstanceId())).as("the orphan instance").isNull();
		assertThat(status(file)).isEqualTo("ACCEPTED");
	}

	private String status(Path file) {
		return this.jdbc.queryForObject("SELECT status FROM claim_file WHERE file_name = ? ORDER BY id DESC LIMIT 1",
				String.class, file.getFileName().toString());
	}

	private static List<StepExecution> partitions(JobExecution execution) {
		return execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("takeFile:")).toList();
	}

}
