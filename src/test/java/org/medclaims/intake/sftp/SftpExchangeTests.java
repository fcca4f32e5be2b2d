package org.medclaims.intake.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medclaims.Examples;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.settlement.SettlementLauncher;
import org.medclaims.system.Command;
import org.medclaims.system.MedclaimsProperties;
import org.medclaims.system.OperatorMistake;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.integration.file.remote.session.CachingSessionFactory;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The SFTP exchange against an embedded Apache MINA SSHD server: inboxes to intake,
 * answers to outboxes, host keys refused, and every fault of the no-loss rule.
 */
@SpringBootTest(properties = { "medclaims.intake.watch=false", "medclaims.sftp.watch=false",
		"medclaims.sftp.enabled=true", "medclaims.sftp.username=medclaims", "medclaims.sftp.remote-root=/hospitals",
		"medclaims.sftp.poll-interval=1s", "medclaims.sftp.read-timeout=10s", "medclaims.sftp.connect-timeout=5s" })
@ExtendWith(OutputCaptureExtension.class)
class SftpExchangeTests {

	static final Path EXAMPLE = Examples.basic();

	static final String H1 = "H330282001";

	static final String H2 = "H330282002";

	static EmbeddedSftpServer server;

	static Path knownHosts;

	@DynamicPropertySource
	static void sftpServer(DynamicPropertyRegistry registry) throws Exception {
		Files.createDirectories(Path.of("target/test-data"));
		Path dir = Files.createTempDirectory(Path.of("target/test-data"), "sftp-server-").toAbsolutePath();
		server = new EmbeddedSftpServer(dir);
		knownHosts = dir.resolve("known_hosts");
		Files.writeString(knownHosts, server.knownHostsLine() + "\n");
		registry.add("medclaims.sftp.host", () -> "127.0.0.1");
		registry.add("medclaims.sftp.port", server::port);
		registry.add("medclaims.sftp.private-key", server.clientKey::toString);
		registry.add("medclaims.sftp.known-hosts", knownHosts::toString);
	}

	@Autowired
	SftpExchange exchange;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	SettlementLauncher settlement;

	@Autowired
	MedclaimsProperties folders;

	@Autowired
	CachingSessionFactory<DirEntry> sessions;

	@Autowired
	ConcurrentMetadataStore metadataStore;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	SftpHealthIndicator health;

	@Autowired
	List<Command> commands;

	@BeforeEach
	void emptyServerAndIntake() throws Exception {
		this.jdbc
			.execute("TRUNCATE sftp_fetch, sftp_delivery, claim_line, claim_file_problem, claim, claim_file CASCADE");
		this.jdbc.execute("DELETE FROM int_metadata_store");
		if (this.jdbc.queryForObject("SELECT count(*) FROM hospital", Integer.class) == 0) {
			assertThat(this.referenceImport.importFrom(EXAMPLE.resolve("reference")).succeeded()).isTrue();
		}
		for (Path dir : List.of(this.folders.outboundDir(), this.folders.archiveDir(), this.folders.rejectedDir(),
				staging(), server.path("hospitals"))) {
			FileSystemUtils.deleteRecursively(dir);
		}
		for (String hospital : List.of(H1, H2)) {
			Files.createDirectories(server.path("hospitals/" + hospital + "/inbox"));
			Files.createDirectories(server.path("hospitals/" + hospital + "/outbox"));
		}
		server.dropWhileReading = path -> false;
		server.denyListing = path -> false;
		server.denyWriting = path -> false;
		server.reads.clear();
		Files.writeString(knownHosts, server.knownHostsLine() + "\n");
		this.sessions.resetCache();
	}

	@Test
	void shouldTakeEveryInboxInAndDeliverTheAnswersToTheOutboxes() throws Exception {
		upload(H1, "H330282001_20140210_001.clm");
		upload(H1, "H330282001_20131231_903.clm");
		upload(H1, "H330282001_20131231_910.clm.part");
		Files.writeString(server.path("hospitals/" + H1 + "/inbox/.H330282001_20131231_911.clm"), "still uploading");
		upload(H2, "H330282002_20140210_001.clm");
		upload(H2, "H330282002_20131231_909.clm");

		List<JobExecution> executions = this.exchange.fetchAll();

		assertThat(executions).as("what one fetch found is one intake batch")
			.singleElement()
			.satisfies(e -> assertThat(e.getJobParameters().getLong("files")).isEqualTo(4));
		assertThat(names(server.path("hospitals/" + H1 + "/inbox"))).containsExactly(".H330282001_20131231_911.clm",
				"H330282001_20131231_910.clm.part");
		assertThat(names(server.path("hospitals/" + H2 + "/inbox"))).isEmpty();
		assertThat(this.jdbc.queryForList(
				"SELECT file_name || ' ' || source || ' ' || source_path || ' ' || status FROM claim_file ORDER BY file_name",
				String.class))
			.containsExactly(
					"H330282001_20131231_903.clm SFTP /hospitals/H330282001/inbox/H330282001_20131231_903.clm REJECTED",
					"H330282001_20140210_001.clm SFTP /hospitals/H330282001/inbox/H330282001_20140210_001.clm ACCEPTED",
					"H330282002_20131231_909.clm SFTP /hospitals/H330282002/inbox/H330282002_20131231_909.clm REJECTED",
					"H330282002_20140210_001.clm SFTP /hospitals/H330282002/inbox/H330282002_20140210_001.clm ACCEPTED");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM sftp_fetch WHERE deleted_at IS NOT NULL AND taken_in_at IS NOT NULL",
				Integer.class))
			.isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM int_metadata_store WHERE metadata_key LIKE 'sftp:%'",
				Integer.class))
			.as("accept-once keys go with the remote files")
			.isZero();
		assertThat(names(staging().resolve(H1))).as("staging copies moved on by the intake").isEmpty();

		this.settlement.settle();
		int delivered = this.exchange.deliverAll();

		assertThat(delivered).isEqualTo(4);
		assertThat(names(server.path("hospitals/" + H1 + "/outbox"))).containsExactly("H330282001_20131231_903.clm.rej",
				"H330282001_20140210_001.res");
		assertThat(names(server.path("hospitals/" + H2 + "/outbox"))).containsExactly("H330282002_20131231_909.clm.rej",
				"H330282002_20140210_001.res");
		for (String hospital : List.of(H1, H2)) {
			for (String name : names(server.path("hospitals/" + hospital + "/outbox"))) {
				assertThat(server.path("hospitals/" + hospital + "/outbox/" + name))
					.hasSameBinaryContentAs(this.folders.outboundDir().resolve(hospital).resolve(name));
			}
		}
		assertThat(this.exchange.deliverAll()).as("nothing goes twice").isZero();
		assertThat(names(this.folders.outboundDir().resolve(H1))).as("local copies stay")
			.containsExactly("H330282001_20131231_903.clm.rej", "H330282001_20140210_001.res");
	}

	@Test
	void shouldRefuseAnUnknownHostAndFetchNothing(CapturedOutput output) throws Exception {
		Files.writeString(knownHosts, "[127.0.0.1]:1 " + publicKeyOf(EmbeddedSftpServer.ed25519()) + "\n");
		upload(H1, "H330282001_20140210_001.clm");

		assertThatExceptionOfType(SftpExchange.SftpUnavailable.class).isThrownBy(this.exchange::fetchAll);

		assertThat(output).containsPattern("SFTP connection to \\[127.0.0.1\\]:" + server.port()
				+ " refused: UNKNOWN host, .*known_hosts has no entry for it; the server presents ssh-ed25519 SHA256:\\S+\\.");
		assertNothingFetched(H1, "H330282001_20140210_001.clm");
	}

	@Test
	void shouldRefuseAChangedHostKeyAndFetchNothing(CapturedOutput output) throws Exception {
		Files.writeString(knownHosts, server.knownHostsLine(EmbeddedSftpServer.ed25519().getPublic()) + "\n");
		upload(H1, "H330282001_20140210_001.clm");

		assertThatExceptionOfType(SftpExchange.SftpUnavailable.class).isThrownBy(this.exchange::fetchAll)
			.withMessageContaining("medclaims@[127.0.0.1]:" + server.port());

		assertThat(output).containsPattern("SFTP connection to \\[127.0.0.1\\]:" + server.port()
				+ " refused: its host key CHANGED, the server now presents ssh-ed25519 SHA256:\\S+ which is not the key");
		assertNothingFetched(H1, "H330282001_20140210_001.clm");
	}

	@Test
	void shouldNeverProcessAPartialDownloadAndFetchItOnTheNextPoll(CapturedOutput output) throws Exception {
		String big = "H330282001_20140101_001.clm";
		Files.write(server.path("hospitals/" + H1 + "/inbox/" + big), bigFile());
		upload(H2, "H330282002_20140210_001.clm");
		server.dropWhileReading = path -> path.endsWith(big);

		List<JobExecution> first = this.exchange.fetchAll();

		assertThat(first).as("the other hospital is still served").hasSize(1);
		assertThat(output).contains("SFTP /hospitals/H330282001/inbox/" + big + " could not be fetched");
		assertThat(names(server.path("hospitals/" + H1 + "/inbox"))).containsExactly(big);
		assertThat(arrivals()).containsExactly("H330282002_20140210_001.clm");
		assertThat(filesUnder(staging())).as("no partial copy kept").isEmpty();

		server.dropWhileReading = path -> false;
		List<JobExecution> second = this.exchange.fetchAll();

		assertThat(second).hasSize(1);
		assertThat(names(server.path("hospitals/" + H1 + "/inbox"))).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT size_bytes FROM claim_file WHERE file_name = ?", Long.class, big))
			.isEqualTo(bigFile().length);
	}

	@Test
	void shouldDeleteButNotFetchAgainAFileRecordedBeforeACrash() throws Exception {
		String name = "H330282001_20140210_001.clm";
		Path remote = upload(H1, name);
		// what a crash right after the record leaves: a complete local copy, its record,
		// the remote file
		Path localCopy = Files.createDirectories(staging().resolve(H1).resolve("before-crash")).resolve(name);
		Files.copy(remote, localCopy);
		long mtime = Files.getLastModifiedTime(remote).to(TimeUnit.SECONDS);
		new FetchRecords(this.jdbc, this.metadataStore, new TransactionTemplate(this.transactionManager))
			.record(H1, "/hospitals/" + H1 + "/inbox/" + name, mtime, Files.size(remote), sha256(remote), localCopy)
			.orElseThrow();

		List<JobExecution> executions = this.exchange.fetchAll();

		assertThat(server.readsOf(name)).as("not fetched again").isZero();
		assertThat(names(server.path("hospitals/" + H1 + "/inbox"))).as("deletion retried").isEmpty();
		assertThat(executions).as("the recorded copy is taken in once").hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT local_path FROM claim_file", String.class))
			.isEqualTo(localCopy.toAbsolutePath().toString());
		assertThat(this.exchange.fetchAll()).isEmpty();
		assertThat(arrivals()).containsExactly(name);
	}

	@Test
	void shouldAnswerAFileUploadedAgainWithANewModificationTimeAsDuplicate() throws Exception {
		String name = "H330282002_20140210_001.clm";
		upload(H2, name);
		assertThat(this.exchange.fetchAll()).hasSize(1);

		Path again = upload(H2, name);
		Files.setLastModifiedTime(again, FileTime.from(Instant.now().plusSeconds(120)));
		this.exchange.fetchAll();

		assertThat(this.jdbc.queryForList(
				"SELECT status || ' ' || coalesce(reject_code, '-') FROM claim_file ORDER BY id", String.class))
			.containsExactly("ACCEPTED -", "REJECTED F_DUPLICATE");
		assertThat(names(server.path("hospitals/" + H2 + "/inbox"))).isEmpty();
		this.exchange.deliverAll();
		assertThat(Files.readString(server.path("hospitals/" + H2 + "/outbox/" + name + ".rej")))
			.contains("F_DUPLICATE");
	}

	@Test
	void shouldLeaveInTheInboxAFileThatNamesAnotherHospital() throws Exception {
		// its answer would carry patients' data to the hospital it names
		upload(H1, "H330282002_20140210_001.clm");
		upload(H2, "H330282002_20131231_909.clm");

		assertThat(this.exchange.fetchAll()).hasSize(1);

		assertThat(arrivals()).containsExactly("H330282002_20131231_909.clm");
		assertThat(names(server.path("hospitals/" + H1 + "/inbox"))).containsExactly("H330282002_20140210_001.clm");
		assertThat(this.exchange.problems()).singleElement()
			.asString()
			.contains("names hospital H330282002, not H330282001 whose inbox it is in");
	}

	@Test
	void shouldServeTheOtherInboxesWhenOneIsNotReadable(CapturedOutput output) throws Exception {
		upload(H1, "H330282001_20140210_001.clm");
		upload(H2, "H330282002_20140210_001.clm");
		server.denyListing = path -> path.endsWith(H1 + "/inbox");

		assertThat(this.exchange.fetchAll()).hasSize(1);

		assertThat(output).contains("SFTP inbox /hospitals/H330282001/inbox cannot be listed");
		assertThat(arrivals()).containsExactly("H330282002_20140210_001.clm");
		server.denyListing = path -> false;
		assertThat(this.exchange.fetchAll()).hasSize(1);
		assertThat(arrivals()).hasSize(2);
	}

	@Test
	void shouldRetryAFailedUploadOnTheNextPollAndSendItOnce(CapturedOutput output) throws Exception {
		Path answer = Files.createDirectories(this.folders.outboundDir().resolve(H1))
			.resolve("H330282001_20131231_903.clm.rej");
		Files.writeString(answer,
				"H|MCX1|H330282001|H330282001_20131231_903.clm|2014-01-01T00:00:00+08:00\nE|F_EMPTY|0|empty\n");
		server.denyWriting = path -> path.endsWith(".part");

		assertThat(this.exchange.deliverAll()).isZero();

		assertThat(output)
			.contains("SFTP upload of H330282001_20131231_903.clm.rej to /hospitals/H330282001/outbox failed");
		assertThat(names(server.path("hospitals/" + H1 + "/outbox"))).isEmpty();
		server.denyWriting = path -> false;
		assertThat(this.exchange.deliverAll()).isEqualTo(1);
		assertThat(this.exchange.deliverAll()).isZero();
		assertThat(server.path("hospitals/" + H1 + "/outbox/H330282001_20131231_903.clm.rej"))
			.hasSameBinaryContentAs(answer);
		assertThat(this.jdbc.queryForObject("SELECT attempts FROM sftp_delivery", Integer.class)).isEqualTo(2);
	}

	@Test
	void shouldSayWhenTheServerIsDownAndWorkAgainWhenItIsBack() throws Exception {
		upload(H2, "H330282002_20140210_001.clm");
		server.stop();
		this.sessions.resetCache();
		try {
			assertThatExceptionOfType(SftpExchange.SftpUnavailable.class).isThrownBy(this.exchange::fetchAll)
				.withMessageStartingWith("SFTP server medclaims@[127.0.0.1]:" + server.port() + " cannot be used: ");
		}
		finally {
			server.start();
		}
		assertThat(this.exchange.fetchAll()).hasSize(1);
	}

	@Test
	void shouldWaitLongerBetweenPollsWhileTheServerIsDown(CapturedOutput output) throws Exception {
		upload(H2, "H330282002_20140210_001.clm");
		server.stop();
		this.sessions.resetCache();
		try {
			for (int i = 0; i < 5; i++) {
				this.exchange.poll();
			}
			// five polls within the first wait of 1 s: one attempt (two if this machine
			// is slow, then waiting 2 s)
			int attempts = output.toString().split("cannot be used: ", -1).length - 1;
			assertThat(attempts).isBetween(1, 2);
			assertThat(output).contains("Next attempt in 1s.");
			if (attempts == 2) {
				assertThat(output).contains("Next attempt in 2s.");
			}
		}
		finally {
			server.start();
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			this.exchange.poll();
			assertThat(arrivals()).containsExactly("H330282002_20140210_001.clm");
		});
	}

	@Test
	void shouldReportHealthWithTheHostKeyOutcome() throws Exception {
		Health up = this.health.health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("server", "medclaims@[127.0.0.1]:" + server.port())
			.containsEntry("hostKey", "verified");

		Files.writeString(knownHosts, server.knownHostsLine(EmbeddedSftpServer.ed25519().getPublic()) + "\n");
		this.sessions.resetCache();
		Health down = this.health.health();

		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("hostKey", "changed").containsKey("hostKeyFingerprint");
	}

	@Test
	void shouldFetchSettleAndDeliverInRunOnce() throws Exception {
		upload(H1, "H330282001_20140210_001.clm");
		upload(H2, "H330282002_20131231_909.clm");

		int exit = runOnce().run(List.of());

		assertThat(exit).isZero();
		assertThat(names(server.path("hospitals/" + H1 + "/inbox"))).isEmpty();
		assertThat(names(server.path("hospitals/" + H1 + "/outbox"))).containsExactly("H330282001_20140210_001.res");
		assertThat(names(server.path("hospitals/" + H2 + "/outbox")))
			.containsExactly("H330282002_20131231_909.clm.rej");
	}

	@Test
	void shouldDoTheLocalWorkAndEndInOneSentenceWhenTheServerIsDownInRunOnce() throws Exception {
		Files.createDirectories(this.folders.inboundDir());
		Files.copy(EXAMPLE.resolve("inbound/H330282002_20140210_001.clm"),
				this.folders.inboundDir().resolve("H330282002_20140210_001.clm"));
		server.stop();
		this.sessions.resetCache();
		try {
			assertThatExceptionOfType(OperatorMistake.class).isThrownBy(() -> runOnce().run(List.of()))
				.withMessageStartingWith("SFTP exchange incomplete (SFTP server medclaims@[127.0.0.1]:" + server.port()
						+ " cannot be used: ")
				.withMessageEndingWith("nothing is fetched or sent twice.");
		}
		finally {
			server.start();
		}
		assertThat(this.folders.outboundDir().resolve(H2).resolve("H330282002_20140210_001.res")).exists();
	}

	private Command runOnce() {
		return this.commands.stream().filter(c -> c.name().equals("run-once")).findFirst().orElseThrow();
	}

	private void assertNothingFetched(String hospital, String name) throws IOException {
		assertThat(names(server.path("hospitals/" + hospital + "/inbox"))).containsExactly(name);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM sftp_fetch", Integer.class)).isZero();
		assertThat(arrivals()).isEmpty();
	}

	private List<String> arrivals() {
		return this.jdbc.queryForList("SELECT file_name FROM claim_file ORDER BY id", String.class);
	}

	private Path staging() {
		return this.folders.inboundDir().toAbsolutePath().resolveSibling("sftp-staging");
	}

	static Path upload(String hospital, String exampleFile) throws IOException {
		Path target = server.path("hospitals/" + hospital + "/inbox/" + exampleFile);
		Files.copy(EXAMPLE.resolve("inbound").resolve(exampleFile), target,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	static List<String> names(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	static List<Path> filesUnder(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	static byte[] bigFile() {
		StringBuilder text = new StringBuilder("H|MCF1|H330282001|20140101|001|UTF-8\n");
		while (text.length() < 400_000) {
			text.append("X|a line that makes the file long enough for several SFTP reads\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	static String publicKeyOf(java.security.KeyPair keys) {
		return org.apache.sshd.common.config.keys.PublicKeyEntry.toString(keys.getPublic());
	}

}
