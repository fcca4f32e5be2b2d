package org.medclaims.intake;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.claims.AdhocClaimRecords;
import org.medclaims.claims.ClaimFiles;
import org.medclaims.policy.AdhocReason;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.Money;
import org.medclaims.policy.VisitType;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.system.MedclaimsProperties;
import org.medclaims.system.Sha256;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.intake.ClaimFileBuilder.file;

/**
 * claimIntakeJob on fixture files: accepted, rejected at file level, claim-level rejects,
 * faults.
 */
@SpringBootTest(properties = { "medclaims.intake.watch=false", "medclaims.intake.chunk-size=3" })
@RecordApplicationEvents
class ClaimIntakeJobTests {

	@Autowired
	ClaimIntake intake;

	@Autowired
	IntakeBatches batches;

	@Autowired
	ClaimFiles claimFiles;

	@Autowired
	AdhocClaimRecords adhocClaims;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	MedclaimsProperties folders;

	@Autowired
	ApplicationEvents events;

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

	@Test
	void acceptsAGoodFileStagesItsClaimsAndLinesAndArchivesIt() throws Exception {
		ClaimFileBuilder builder = file("101").claim("A1").claim("A2");
		Path file = builder.writeTo(this.drop);
		String sha = sha256(file);

		JobExecution execution = receive(file);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(fileExit(execution)).isEqualTo("COMPLETED");
		long id = arrivalId(execution);
		assertThat(execution.getJobParameters().getParameter("batch").identifying()).isTrue();
		assertThat(execution.getJobParameters().getParameter("files"))
			.isEqualTo(new JobParameter<>("files", 1L, Long.class, false));
		assertThat(execution.getStepExecutions()).extracting(s -> s.getStepName())
			.containsExactlyInAnyOrder("takeFiles", "takeFile:H330282001_20131231_101.clm#" + id);
		Map<String, Object> arrival = this.support.arrival(id);
		assertThat(arrival).containsEntry("status", "ACCEPTED")
			.containsEntry("hospital_code", "H330282001")
			.containsEntry("seq", "101")
			.containsEntry("sha256", sha)
			.containsEntry("size_bytes", Files.size(this.support.archived("H330282001", builder.name())))
			.containsEntry("source", "LOCAL")
			.containsEntry("claim_count", 2)
			.containsEntry("line_count", 2)
			.containsEntry("total_amount", 2000L)
			.containsEntry("accepted_claim_count", 2)
			.containsEntry("rejected_claim_count", 0)
			.containsEntry("charset", "UTF-8")
			.containsEntry("stored_path",
					this.support.archived("H330282001", builder.name()).toAbsolutePath().toString());
		assertThat(arrival.get("intake_finished_at")).isNotNull();
		assertThat(this.support.claimOutcomes(id)).containsExactly("0:A1:RECEIVED:-:-", "1:A2:RECEIVED:-:-");
		Map<String, Object> claim = this.jdbc.queryForMap("SELECT * FROM claim WHERE file_id = ? AND position = 0", id);
		assertThat(claim).containsEntry("line_no", 2L)
			.containsEntry("patient_id", ClaimFileBuilder.PATIENT)
			.containsEntry("patient_name", "张三")
			.containsEntry("visit_type", "OUT")
			.containsEntry("total_amount", 1000L)
			.containsEntry("hospital_code", "H330282001")
			.containsEntry("diagnosis_code", "K35.9")
			.containsEntry("special_disease_code", null);
		assertThat(this.jdbc.queryForList(
				"SELECT line_no || '|' || item_code || '|' || item_name || '|' || unit_price"
						+ " || '|' || quantity || '|' || amount FROM claim_line WHERE claim_id = ?",
				String.class, claim.get("id")))
			.containsExactly("1|X00001|药品1|5.0000|2.000|1000");
		assertThat(file).doesNotExist();
		assertThat(this.support.archived("H330282001", builder.name())).hasContent(builder.text());
		assertThat(IntakeTestSupport.fileNames(this.folders.outboundDir().resolve("H330282001"))).isEmpty();
		assertThat(this.events.stream(ClaimFilesProcessed.class))
			.containsExactly(new ClaimFilesProcessed(batchId(execution), 1, 1, 0, true));
	}

	@Test
	void storesEveryClaimLevelRejectionWithItsCodeAndLine() throws Exception {
		Path file = file("102").record(c("A#1", ClaimFileBuilder.PATIENT, "OUT", "20130705", "20130705", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.record(c("A2", ClaimFileBuilder.PATIENT, "OUT", "20130705", "20130705", "10.00", "1"))
			.record(l("5.0", "2", "10.00"))
			.record(c("A3", "330282194009117961", "OUT", "20130705", "20130705", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.record(c("A4", ClaimFileBuilder.PATIENT, "XXX", "20130705", "20130705", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.record(c("A5", ClaimFileBuilder.PATIENT, "OUT", "20130706", "20130705", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.record(c("A6", ClaimFileBuilder.PATIENT, "OUT", "20131230", "20140101", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.record(c("A7", ClaimFileBuilder.PATIENT, "OUT", "20120601", "20120601", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.record(c("A8", ClaimFileBuilder.PATIENT, "OUT", "20130705", "20130705", "10.00", "2"))
			.record(l("5.00", "2", "10.00"))
			.record(c("A9", ClaimFileBuilder.PATIENT, "OUT", "20130705", "20130705", "10.01", "1"))
			.record(l("5.00", "2", "10.01"))
			.record(c("A10", ClaimFileBuilder.PATIENT, "OUT", "20130705", "20130705", "11.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.record(c("A11", ClaimFileBuilder.PATIENT, "OUT", "20130705", "20130705", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.record(c("A11", ClaimFileBuilder.PATIENT, "OUT", "20130705", "20130705", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			// several problems: the first in table order wins
			.record(c("A12", "330282194009117961", "XXX", "20130705", "20130705", "12.00", "1"))
			.record(l("5.00", "2", "10.00"))
			// A3 was rejected: its number may come again
			.record(c("A3", ClaimFileBuilder.PATIENT, "OUT", "20130705", "20130705", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.writeTo(this.drop);

		JobExecution execution = receive(file);

		assertThat(fileExit(execution)).isEqualTo("COMPLETED");
		long id = arrivalId(execution);
		assertThat(this.support.claimOutcomes(id)).containsExactly("0:A#1:REJECTED:E_FORMAT:2",
				"1:A2:REJECTED:E_FORMAT:5", "2:A3:REJECTED:E_PERSON_ID:6", "3:A4:REJECTED:E_VISIT_TYPE:8",
				"4:A5:REJECTED:E_DATES:10", "5:A6:REJECTED:E_DATES:12", "6:A7:REJECTED:E_DATES:14",
				"7:A8:REJECTED:E_LINE_COUNT:16", "8:A9:REJECTED:E_LINE_AMOUNT:19", "9:A10:REJECTED:E_CLAIM_TOTAL:20",
				"10:A11:RECEIVED:-:-", "11:A11:REJECTED:E_DUPLICATE_CLAIM:24", "12:A12:REJECTED:E_PERSON_ID:26",
				"13:A3:RECEIVED:-:-");
		assertThat(this.jdbc.queryForObject("SELECT reject_message FROM claim WHERE file_id = ? AND position = 11",
				String.class, id))
			.isEqualTo("Claim A11 (line 24): its number is already used by the claim on line 22 of this file.");
		assertThat(this.jdbc.queryForObject("SELECT reject_message FROM claim WHERE file_id = ? AND position = 2",
				String.class, id))
			.contains("330282**********61")
			.doesNotContain("330282194009117961");
		assertThat(this.jdbc.queryForObject("SELECT reject_message FROM claim WHERE file_id = ? AND position = 6",
				String.class, id))
			.contains("before the earliest policy version");
		assertThat(this.support.arrival(id)).containsEntry("status", "ACCEPTED")
			.containsEntry("accepted_claim_count", 2)
			.containsEntry("rejected_claim_count", 12);
		// a rejected claim keeps what was sent; lines are kept for claims whose records
		// parse
		assertThat(this.jdbc.queryForMap(
				"SELECT visit_type, total_amount, start_date FROM claim WHERE file_id = ? AND position = 3", id))
			.containsEntry("visit_type", "XXX")
			.containsEntry("total_amount", 1000L);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM claim_line l JOIN claim c ON c.id = l.claim_id" + " WHERE c.file_id = ?",
				Integer.class, id))
			.isEqualTo(3);
	}

	@Test
	void aClaimNumberInUseInAnEarlierFileIsADuplicateAndARejectedOneMayBeSentAgain() throws Exception {
		long first = arrivalId(
				receive(file("103").claim("B1").claim("B2", "330282194009117961", "李四").writeTo(this.drop)));
		assertThat(this.support.claimOutcomes(first)).containsExactly("0:B1:RECEIVED:-:-",
				"1:B2:REJECTED:E_PERSON_ID:4");

		long second = arrivalId(receive(file("104").claim("B1").claim("B2").writeTo(this.drop)));

		assertThat(this.support.claimOutcomes(second)).containsExactly("0:B1:REJECTED:E_DUPLICATE_CLAIM:2",
				"1:B2:RECEIVED:-:-");
		assertThat(this.jdbc.queryForObject("SELECT reject_message FROM claim WHERE file_id = ? AND position = 0",
				String.class, second))
			.contains("a claim of file H330282001_20131231_103.clm (line 2)");
	}

	@Test
	void aClaimNumberAnAdhocClaimHoldsIsADuplicateThatSaysSo() throws Exception {
		this.adhocClaims.insert(new AdhocClaimRecords.NewClaim("H330282001", "G1", ClaimFileBuilder.PATIENT, "张三",
				VisitType.OUT, LocalDate.of(2013, 7, 5), LocalDate.of(2013, 7, 5), "K35.9", null, Money.ofFen(1000),
				AdhocReason.EMERGENCY, false, "hash", "clerk", List.of(new ClaimLine(1, "DRUG-A", "药",
						new BigDecimal("5.00"), new BigDecimal("2"), Money.ofFen(1000)))));

		long id = arrivalId(receive(file("113").claim("G1").claim("G2").writeTo(this.drop)));

		assertThat(this.support.claimOutcomes(id)).containsExactly("0:G1:REJECTED:E_DUPLICATE_CLAIM:2",
				"1:G2:RECEIVED:-:-");
		assertThat(this.jdbc.queryForObject("SELECT reject_message FROM claim WHERE file_id = ? AND position = 0",
				String.class, id))
			.isEqualTo("Claim G1 (line 2): its number is already used by an ad-hoc claim.");
	}

	@Test
	void theSameContentAgainIsAnsweredDuplicateAndOtherContentUnderAnAcceptedNameSequence() throws Exception {
		ClaimFileBuilder original = file("105").claim("D1");
		long accepted = arrivalId(receive(original.writeTo(this.drop)));
		assertThat(this.support.arrival(accepted)).containsEntry("status", "ACCEPTED");

		JobExecution copy = receive(original.writeTo(this.drop));
		JobExecution renamed = receive(original.writeTo(this.drop, "H330282001_20131231_106.clm"));
		JobExecution changed = receive(file("105").claim("D2").writeTo(this.drop));

		assertThat(copy.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(fileExit(copy)).isEqualTo("REJECTED");
		assertThat(this.support.arrival(arrivalId(copy))).containsEntry("status", "REJECTED")
			.containsEntry("reject_code", "F_DUPLICATE");
		assertThat(this.support.arrival(arrivalId(renamed))).containsEntry("reject_code", "F_HEADER");
		assertThat(IntakeTestSupport.problems(this.support.outbound("H330282001", "H330282001_20131231_106.clm.rej")))
			.containsExactly("F_HEADER|1", "F_DUPLICATE|0");
		assertThat(this.support.arrival(arrivalId(changed))).containsEntry("reject_code", "F_SEQUENCE");
		assertThat(IntakeTestSupport.problems(this.support.outbound("H330282001", original.name() + ".rej")))
			.containsExactly("F_SEQUENCE|1");
		// both rejected copies of the name are kept, each with its reject file
		assertThat(IntakeTestSupport.fileNames(this.folders.rejectedDir())).containsExactly(original.name(),
				original.name() + "." + arrivalId(changed), original.name() + "." + arrivalId(changed) + ".rej",
				original.name() + ".rej", "H330282001_20131231_106.clm", "H330282001_20131231_106.clm.rej");
		assertThat(IntakeTestSupport.problems(this.support.rejected(original.name() + ".rej")))
			.containsExactly("F_DUPLICATE|0");
		assertThat(this.support.archived("H330282001", original.name())).hasContent(original.text());
		assertThat(this.support.count("claim")).isEqualTo(1);
		assertThat(this.events.stream(ClaimFilesProcessed.class).map(ClaimFilesProcessed::rejected)).containsExactly(0L,
				1L, 1L, 1L);
	}

	@Test
	void rejectsEachFileLevelProblemWithItsLineAndMovesTheFileAside() throws Exception {
		byte[] garbage = new byte[4096];
		new Random(4).nextBytes(garbage);
		List<Case> cases = List.of(new Case("H330282001_2013_1.clm", file("107").claim("E1").bytes(), "F_NAME|0"),
				new Case("H330282001_20131231_110.clm", new byte[0], "F_EMPTY|0"),
				new Case("H330282001_20131231_111.clm", garbage, "F_HEADER|1"),
				new Case("H330282001_20131231_112.clm",
						file("112").claim("E1", ClaimFileBuilder.PATIENT, "王小明")
							.text()
							.getBytes(Charset.forName("GBK")),
						"F_ENCODING|2"),
				new Case("H330282099_20131231_113.clm", file("H330282099", "20131231", "113").claim("E1").bytes(),
						"F_HOSPITAL|1"),
				new Case("H999999999_20131231_114.clm", file("H999999999", "20131231", "114").claim("E1").bytes(),
						"F_HOSPITAL|1"),
				new Case("H330282001_20131231_115.clm",
						file("115").claim("E1")
							.record("L|2|X00001|" + "长".repeat(1024 * 1024 / 3) + "|5.00|2|10.00")
							.bytes(),
						"F_RECORD|4"),
				new Case("H330282001_20131231_116.clm",
						"H|MCF1|H330282001|20131231|116|UTF-8\nC|E1|33028219400911796X|张三|OUT|20130705|20130705|K35.9||10.00|1\n"
							.getBytes(StandardCharsets.UTF_8),
						"F_TRAILER|0"),
				new Case("H330282001_20131231_117.clm",
						file("117").claim("E1")
							.text()
							.replace("T|1|1|10.00", "T|2|1|10.00")
							.getBytes(StandardCharsets.UTF_8),
						"F_TRAILER_MISMATCH|4"));

		for (Case c : cases) {
			Path file = Files.write(this.drop.resolve(c.name()), c.bytes());

			JobExecution execution = receive(file);

			assertThat(execution.getStatus()).as(c.name()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(fileExit(execution)).as(c.name()).isEqualTo("REJECTED");
			String code = c.first().substring(0, c.first().indexOf('|'));
			assertThat(this.support.arrival(arrivalId(execution))).as(c.name())
				.containsEntry("status", "REJECTED")
				.containsEntry("reject_code", code);
			assertThat(this.jdbc.queryForObject(
					"SELECT code || '|' || line_no FROM claim_file_problem WHERE file_id = ?" + " AND ordinal = 0",
					String.class, arrivalId(execution)))
				.as(c.name())
				.isEqualTo(c.first());
			String hospital = c.name().substring(0, c.name().indexOf('_'));
			Path outbound = this.support.outbound(hospital, c.name() + ".rej");
			assertThat(IntakeTestSupport.problems(outbound).get(0)).as(c.name()).isEqualTo(c.first());
			assertThat(IntakeTestSupport.lines(outbound).get(0)).as(c.name())
				.startsWith("H|MCX1|" + hospital + "|" + c.name() + "|");
			assertThat(this.support.rejected(c.name())).as(c.name()).hasBinaryContent(c.bytes());
			assertThat(this.support.rejected(c.name() + ".rej")).as(c.name()).hasSameTextualContentAs(outbound);
			assertThat(file).as(c.name()).doesNotExist();
		}
		assertThat(this.support.count("claim")).isZero();
		// every problem is listed: the line too long to read is not counted as an L
		// record
		assertThat(IntakeTestSupport.problems(this.support.outbound("H330282001", "H330282001_20131231_115.clm.rej")))
			.containsExactly("F_RECORD|4", "F_TRAILER_MISMATCH|5");
	}

	@Test
	void aRejectFileSaysWhenItListsOnlyTheFirstProblems() throws Exception {
		ClaimFileBuilder builder = file("118").claim("E1");
		for (int i = 0; i < 1_200; i++) {
			builder.record("X|junk");
		}
		Path file = builder.writeTo(this.drop);

		receive(file);

		List<String> problems = IntakeTestSupport
			.problems(this.support.outbound("H330282001", "H330282001_20131231_118.clm.rej"));
		assertThat(problems.get(0)).isEqualTo("F_RECORD|4");
		assertThat(problems).hasSizeGreaterThan(1_000).hasSizeLessThan(1_010).last().isEqualTo("F_RECORD|0");
		assertThat(IntakeTestSupport.lines(this.support.outbound("H330282001", "H330282001_20131231_118.clm.rej")))
			.last()
			.asString()
			.contains("More problems were found than the");
	}

	@Test
	void aNameWithoutHospitalIsAnsweredOnlyBesideTheFileInTheRejectedArea() throws Exception {
		Path file = Files.copy(IntakeTestSupport.EXAMPLE.resolve("inbound/h330282001_bad.clm"),
				this.drop.resolve("h330282001_bad.clm"));

		long id = arrivalId(receive(file));

		assertThat(this.support.arrival(id)).containsEntry("reject_code", "F_NAME")
			.containsEntry("hospital_code", null);
		assertThat(IntakeTestSupport.lines(this.support.rejected("h330282001_bad.clm.rej")).get(0))
			.startsWith("H|MCX1||h330282001_bad.clm|");
		assertThat(IntakeTestSupport.problems(this.support.rejected("h330282001_bad.clm.rej")).get(0))
			.isEqualTo("F_NAME|0");
		assertThat(IntakeTestSupport.fileNames(this.folders.outboundDir())).isEmpty();
	}

	@Test
	void takesGbkWithChineseNamesAByteOrderMarkAndMixedLineEnds() throws Exception {
		long gbk = arrivalId(receive(Files.write(this.drop.resolve("H330282001_20131231_120.clm"),
				file("120").charset("GBK").claim("G1", ClaimFileBuilder.PATIENT, "王小明").bytes())));
		byte[] utf8 = file("121").claim("U1", ClaimFileBuilder.PATIENT, "欧阳娜娜").bytes();
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);
		long withBom = arrivalId(receive(Files.write(this.drop.resolve("H330282001_20131231_121.clm"), bom)));
		String mixed = file("122").crlf().claim("M1").claim("M2").text().replaceFirst("\r\nL", "\nL");
		long mixedEnds = arrivalId(receive(
				Files.write(this.drop.resolve("H330282001_20131231_122.clm"), mixed.getBytes(StandardCharsets.UTF_8))));

		assertThat(this.jdbc.queryForObject("SELECT patient_name FROM claim WHERE file_id = ?", String.class, gbk))
			.isEqualTo("王小明");
		assertThat(this.jdbc.queryForObject(
				"SELECT item_name FROM claim_line l JOIN claim c ON c.id = l.claim_id" + " WHERE c.file_id = ?",
				String.class, gbk))
			.isEqualTo("药品1");
		assertThat(this.support.arrival(gbk)).containsEntry("charset", "GBK").containsEntry("status", "ACCEPTED");
		assertThat(this.jdbc.queryForObject("SELECT patient_name FROM claim WHERE file_id = ?", String.class, withBom))
			.isEqualTo("欧阳娜娜");
		assertThat(this.support.claimOutcomes(withBom)).containsExactly("0:U1:RECEIVED:-:-");
		assertThat(this.support.claimOutcomes(mixedEnds)).containsExactly("0:M1:RECEIVED:-:-", "1:M2:RECEIVED:-:-");
		assertThat(this.jdbc.queryForList("SELECT line_no FROM claim WHERE file_id = ? ORDER BY position", Long.class,
				mixedEnds))
			.containsExactly(2L, 4L);
	}

	@Test
	void theSpecExamplesGetTheExpectedRejectCodesAndThePartFileIsLeftAlone() throws Exception {
		try (var files = Files.list(IntakeTestSupport.EXAMPLE.resolve("inbound"))) {
			for (Path f : files.toList()) {
				Files.copy(f, this.folders.inboundDir().resolve(f.getFileName()));
			}
		}

		JobExecution execution = this.intake.takeEverythingNow().orElseThrow();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getJobParameters().getLong("files")).isEqualTo(13);
		// one batch, recorded in file-name order
		assertThat(this.jdbc.queryForList("SELECT file_name FROM claim_file WHERE batch_id = ? ORDER BY id",
				String.class, batchId(execution)))
			.hasSize(13)
			.isSortedAccordingTo(String::compareTo);
		assertThat(execution.getExitStatus().getExitDescription()).contains("13 file(s): 4 accepted, 9 rejected");
		try (var hospitals = Files.list(IntakeTestSupport.EXAMPLE.resolve("expected-outbound"))) {
			for (Path hospital : hospitals.toList()) {
				for (String name : IntakeTestSupport.fileNames(hospital)) {
					String source = name.endsWith(".res") ? name.replace(".res", ".clm") : name.replace(".rej", "");
					Map<String, Object> arrival = this.jdbc.queryForMap("SELECT * FROM claim_file WHERE file_name = ?",
							source);
					if (name.endsWith(".rej")) {
						String expected = IntakeTestSupport.problems(hospital.resolve(name)).get(0).split("\\|")[0];
						assertThat(arrival).as(name)
							.containsEntry("status", "REJECTED")
							.containsEntry("reject_code", expected);
						Path ours = this.support.outbound(hospital.getFileName().toString(), name);
						assertThat(IntakeTestSupport.problems(ours).get(0)).as(name).startsWith(expected + "|");
					}
					else {
						assertThat(arrival).as(name).containsEntry("status", "ACCEPTED");
					}
				}
			}
		}
		assertThat(this.jdbc.queryForObject("SELECT reject_code FROM claim_file WHERE file_name = 'h330282001_bad.clm'",
				String.class))
			.isEqualTo("F_NAME");
		assertThat(this.support.rejected("h330282001_bad.clm.rej")).exists();
		assertThat(IntakeTestSupport.fileNames(this.folders.inboundDir()))
			.containsExactly("H330282001_20131231_910.clm.part");
		assertThat(this.support.count("claim")).isEqualTo(this.jdbc
			.queryForObject("SELECT sum(claim_count) FROM claim_file WHERE status = 'ACCEPTED'", Integer.class));
		assertThat(this.intake.takeEverythingNow()).isEmpty();
	}

	@Test
	void aDatabaseFaultMidStagingFailsTheJobAndTheRestartStagesEachClaimOnce() throws Exception {
		Path file = tenClaims("130", "R");
		JobExecution failed = receiveWhileTheDatabaseRefuses(file, "R7");
		long id = arrivalId(failed);
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getExitStatus().getExitDescription()).contains("disk full (simulated)");
		assertThat(this.support.arrival(id)).containsEntry("status", "RECEIVED");
		assertThat(this.support.claimOutcomes(id)).hasSize(6);
		assertThat(file).exists();

		List<JobExecution> resumed = this.intake.resumeUnfinished().executions();

		assertThat(resumed).singleElement().satisfies(e -> {
			assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(e.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		});
		assertThat(this.support.claimOutcomes(id)).hasSize(10).allMatch(o -> o.contains(":RECEIVED:"));
		assertThat(this.jdbc.queryForObject("SELECT count(DISTINCT position) FROM claim WHERE file_id = ?",
				Integer.class, id))
			.isEqualTo(10);
		assertThat(this.support.arrival(id)).containsEntry("status", "ACCEPTED")
			.containsEntry("accepted_claim_count", 10);
		assertThat(file).doesNotExist();
		assertThat(this.events.stream(ClaimFilesProcessed.class).map(ClaimFilesProcessed::completed))
			.containsExactly(false, true);
	}

	@Test
	void aFileReplacedUnderItsNameWhileItsExecutionWaitsIsNeitherStagedNorArchived() throws Exception {
		Path file = tenClaims("135", "Q");
		JobExecution failed = receiveWhileTheDatabaseRefuses(file, "Q7");
		long id = arrivalId(failed);
		assertThat(this.support.claimOutcomes(id)).hasSize(6);
		// the hospital drops another file under the same name while the execution waits
		// for its restart
		file("135").claim("Z1").claim("Z2").writeTo(this.drop);

		JobExecution resumed = this.intake.resumeUnfinished().executions().get(0);

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(resumed.getExitStatus().getExitDescription()).contains("changed after it arrived");
		assertThat(this.support.claimOutcomes(id)).hasSize(6).noneMatch(o -> o.contains(":Z"));
		assertThat(this.support.arrival(id)).containsEntry("status", "RECEIVED");
		assertThat(file).exists();
	}

	@Test
	void oneProcessAtATimeHoldsTheIntakeLock() {
		// two locks on their own sessions stand for two processes
		IntakeLock first = new IntakeLock(this.jdbc.getDataSource());
		IntakeLock second = new IntakeLock(this.jdbc.getDataSource());
		try {
			assertThat(first.acquire()).isTrue();
			assertThat(second.acquire()).isFalse();
			assertThat(second.isHeld()).isFalse();
			assertThat(first.acquire()).as("taken again by its holder").isTrue();
			first.destroy();
			assertThat(second.acquire()).as("free once its holder is gone").isTrue();
		}
		finally {
			first.destroy();
			second.destroy();
		}
	}

	@Test
	void anArchiveThatCannotBeWrittenFailsTheJobAndLeavesTheFileUntilTheRestart() throws Exception {
		Path file = file("131").claim("S1").writeTo(this.drop);
		FileSystemUtils.deleteRecursively(this.folders.archiveDir());
		Files.writeString(this.folders.archiveDir(), "not a folder");

		JobExecution failed = receive(file);

		long id = arrivalId(failed);
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.support.arrival(id)).containsEntry("status", "RECEIVED");
		assertThat(file).exists();

		Files.delete(this.folders.archiveDir());
		assertThat(this.intake.resumeUnfinished().executions()).singleElement()
			.satisfies(e -> assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED));
		assertThat(this.support.claimOutcomes(id)).containsExactly("0:S1:RECEIVED:-:-");
		assertThat(this.support.archived("H330282001", "H330282001_20131231_131.clm")).exists();
	}

	@Test
	void aRejectedClaimKeepsItsDatesAsWrittenAndNoneThatIsNotADate() throws Exception {
		Path file = file("171").record(c("B1", ClaimFileBuilder.PATIENT, "OUT", "00000101", "20130705", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.record(c("B2", ClaimFileBuilder.PATIENT, "OUT", "15821010", "15821010", "10.00", "1"))
			.record(l("5.00", "2", "10.00"))
			.writeTo(this.drop);

		JobExecution execution = receive(file);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long id = arrivalId(execution);
		assertThat(this.support.claimOutcomes(id)).containsExactly("0:B1:REJECTED:E_FORMAT:2",
				"1:B2:REJECTED:E_DATES:4");
		// no year 0 reaches PostgreSQL, and an old date is not shifted by the Julian
		// calendar
		assertThat(this.jdbc.queryForList("SELECT coalesce(start_date::text, '-') || ' ' || end_date FROM claim"
				+ " WHERE file_id = ? ORDER BY position", String.class, id))
			.containsExactly("- 2013-07-05", "1582-10-10 1582-10-10");
	}

	@Test
	void anArrivalWhoseProcessDiedBetweenItsJobInstanceAndItsFirstExecutionIsTakenInWhenResumed() throws Exception {
		Path file = file("141").claim("T1").claim("T2").writeTo(this.drop);
		Sha256.Hashed digest = Sha256.of(file);
		String name = file.getFileName().toString();
		long batch = this.batches.newBatch();
		long id = this.claimFiles.record(batch, name, digest.hex(), digest.size(), ClaimIntake.LOCAL, file.toString(),
				file);
		// what a kill between the repository's createJobInstance and createJobExecution
		// leaves behind
		long orphan = this.jobRepository
			.createJobInstance(ClaimIntakeJobConfiguration.JOB_NAME, ClaimIntake.parameters(batch, 1))
			.getInstanceId();

		ClaimIntake.Resumed resumed = this.intake.resumeUnfinished();

		assertThat(resumed.failures()).isEmpty();
		assertThat(resumed.executions()).singleElement()
			.satisfies(e -> assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED));
		assertThat(this.support.arrival(id)).containsEntry("status", "ACCEPTED")
			.containsEntry("accepted_claim_count", 2);
		assertThat(this.support.claimOutcomes(id)).containsExactly("0:T1:RECEIVED:-:-", "1:T2:RECEIVED:-:-");
		assertThat(file).doesNotExist();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch_job_instance WHERE job_instance_id = ?",
				Integer.class, orphan))
			.isZero();
	}

	@Test
	void aDecidedFileOfACompletedIntakeIsMovedWhenResumedAndAnUndecidedOneIsReported() throws Exception {
		ClaimFileBuilder builder = file("151").claim("U1");
		Path file = builder.writeTo(this.drop);
		JobExecution completed = receive(file);
		long id = arrivalId(completed);
		// the last step of the file's partition (its move) was lost
		Files.move(this.support.archived("H330282001", builder.name()), file);
		this.jdbc.update("UPDATE claim_file SET intake_finished_at = NULL WHERE id = ?", id);

		ClaimIntake.Resumed resumed = this.intake.resumeUnfinished();

		assertThat(resumed.executions()).isEmpty();
		assertThat(resumed.failures()).isEmpty();
		assertThat(file).doesNotExist();
		assertThat(this.support.archived("H330282001", builder.name())).hasContent(builder.text());
		assertThat(this.support.arrival(id).get("intake_finished_at")).isNotNull();

		// an undecided file under a COMPLETED intake: nothing can be restarted, an
		// operator must look
		this.jdbc.update("UPDATE claim_file SET intake_finished_at = NULL, status = 'RECEIVED' WHERE id = ?", id);

		assertThat(this.intake.resumeUnfinished().failures()).singleElement()
			.asString()
			.startsWith("The intake of claim file batch " + batchId(completed)
					+ " [H330282001_20131231_151.clm] could not" + " be resumed.")
			.contains("is undecided though its intake execution " + completed.getId() + " is COMPLETED");
	}

	@Test
	void anIntakeAnOperatorAbandonedIsNeitherResumedNorReported() throws Exception {
		Path file = file("161").claim("V1").writeTo(this.drop);
		FileSystemUtils.deleteRecursively(this.folders.archiveDir());
		Files.writeString(this.folders.archiveDir(), "not a folder");
		JobExecution failed = receive(file);
		Files.delete(this.folders.archiveDir());
		this.jobOperator.abandon(failed);

		ClaimIntake.Resumed resumed = this.intake.resumeUnfinished();

		assertThat(resumed.executions()).isEmpty();
		assertThat(resumed.failures()).isEmpty();
		assertThat(this.support.arrival(arrivalId(failed))).containsEntry("status", "ABANDONED");
		assertThat(this.support.claimOutcomes(arrivalId(failed))).as("nothing of it stays staged").isEmpty();
		assertThat(file).exists();
		assertThat(this.intake.resumeUnfinished().failures()).isEmpty();
	}

	private Path tenClaims(String seq, String prefix) throws IOException {
		ClaimFileBuilder builder = file(seq);
		for (int i = 0; i < 10; i++) {
			builder.claim(prefix + i);
		}
		return builder.writeTo(this.drop);
	}

	// a fault after the first chunks committed: the database refuses to store one claim
	private JobExecution receiveWhileTheDatabaseRefuses(Path file, String claimNo) {
		this.jdbc.execute("""
				CREATE FUNCTION refuse_claim() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN IF NEW.claim_no = '%s' THEN RAISE EXCEPTION 'disk full (simulated)'; END IF; RETURN NEW; END $$
				""".formatted(claimNo));
		this.jdbc
			.execute("CREATE TRIGGER refuse_claim BEFORE INSERT ON claim FOR EACH ROW EXECUTE FUNCTION refuse_claim()");
		try {
			return receive(file);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER refuse_claim ON claim");
			this.jdbc.execute("DROP FUNCTION refuse_claim()");
		}
	}

	private JobExecution receive(Path file) {
		return this.intake.receive(file, ClaimIntake.LOCAL, file.toString());
	}

	private long arrivalId(JobExecution execution) {
		return this.jdbc.queryForObject("SELECT id FROM claim_file WHERE batch_id = ?", Long.class, batchId(execution));
	}

	private static long batchId(JobExecution execution) {
		return execution.getJobParameters().getLong("batch");
	}

	// the exit code of the one file's partition
	private static String fileExit(JobExecution execution) {
		List<String> exits = execution.getStepExecutions()
			.stream()
			.filter(s -> s.getStepName().startsWith("takeFile:"))
			.map(s -> s.getExitStatus().getExitCode())
			.toList();
		assertThat(exits).as("the file partitions of execution %d", execution.getId()).hasSize(1);
		return exits.get(0);
	}

	private static String c(String no, String patient, String visit, String start, String end, String total,
			String count) {
		return "C|" + no + "|" + patient + "|张三|" + visit + "|" + start + "|" + end + "|K35.9||" + total + "|" + count;
	}

	private static String l(String price, String quantity, String amount) {
		return "L|1|X00001|药品1|" + price + "|" + quantity + "|" + amount;
	}

	private static String sha256(Path file) throws IOException {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Case(String name, byte[] bytes, String first) {
	}

}
