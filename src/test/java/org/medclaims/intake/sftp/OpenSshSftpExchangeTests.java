package org.medclaims.intake.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.settlement.SettlementLauncher;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medclaims.intake.sftp.SftpExchangeTests.EXAMPLE;
import static org.medclaims.intake.sftp.SftpExchangeTests.names;

/**
 * medclaims in {@code serve} against a real OpenSSH server: a hospital uploads with the
 * real {@code sftp} client (temporary name, then rename), the poller takes the files in,
 * settlement answers, the poller delivers the answers to the outbox. Skipped, with the
 * reason logged, where sshd or root is missing; {@code .ci/run} installs OpenSSH so CI
 * always runs it.
 */
@EnabledIf(value = "org.medclaims.intake.sftp.RealOpenSshServer#available",
		disabledReason = "needs /usr/sbin/sshd, the OpenSSH client tools and root")
@SpringBootTest(properties = { "medclaims.intake.watch=false", "medclaims.sftp.enabled=true",
		"medclaims.sftp.watch=true", "medclaims.sftp.poll-interval=1s", "medclaims.sftp.max-backoff=2s",
		"medclaims.sftp.username=" + RealOpenSshServer.USER })
class OpenSshSftpExchangeTests {

	static final String H1 = "H330282001";

	static RealOpenSshServer sshd;

	@DynamicPropertySource
	static void realServer(DynamicPropertyRegistry registry) throws Exception {
		sshd = new RealOpenSshServer(List.of(H1));
		registry.add("medclaims.sftp.host", () -> "127.0.0.1");
		registry.add("medclaims.sftp.port", () -> sshd.port);
		registry.add("medclaims.sftp.private-key", sshd.medclaimsKey::toString);
		registry.add("medclaims.sftp.known-hosts", sshd.knownHosts::toString);
		registry.add("medclaims.sftp.remote-root", sshd.root::toString);
	}

	@AfterAll
	static void stopSshd() throws Exception {
		if (sshd != null) {
			sshd.stop();
		}
	}

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	SettlementLauncher settlement;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MedclaimsProperties folders;

	@Test
	void shouldTakeFilesUploadedWithTheRealClientAndAnswerInTheOutbox() throws Exception {
		assertThat(this.referenceImport.importFrom(EXAMPLE.resolve("reference")).succeeded()).isTrue();

		sshd.upload(H1, EXAMPLE.resolve("inbound/H330282001_20140210_001.clm"));
		sshd.upload(H1, EXAMPLE.resolve("inbound/H330282001_20131231_903.clm"));

		await("inbox emptied by the poller").atMost(Duration.ofSeconds(60))
			.until(() -> names(sshd.inbox(H1)).isEmpty() && arrivals().size() == 2);
		assertThat(arrivals()).containsExactly("H330282001_20131231_903.clm REJECTED",
				"H330282001_20140210_001.clm ACCEPTED");

		this.settlement.settle();

		List<String> answers = List.of("H330282001_20131231_903.clm.rej", "H330282001_20140210_001.res");
		// a delivery is uploaded under a temporary name (.part), then renamed: wait for
		// the final names
		await("answers in the outbox").atMost(Duration.ofSeconds(60))
			.until(() -> names(sshd.outbox(H1)).equals(answers));
		assertThat(names(sshd.outbox(H1))).containsExactlyElementsOf(answers);
		for (String name : names(sshd.outbox(H1))) {
			assertThat(sshd.outbox(H1).resolve(name))
				.hasSameBinaryContentAs(this.folders.outboundDir().resolve(H1).resolve(name));
			assertThat(Files.getOwner(sshd.outbox(H1).resolve(name)).getName()).isEqualTo(RealOpenSshServer.USER);
		}
		assertThat(Files.readString(sshd.outbox(H1).resolve("H330282001_20140210_001.res")))
			.startsWith("H|MCR1|H330282001|");
		assertThat(sshd.log()).contains("Accepted publickey for " + RealOpenSshServer.USER);
	}

	private List<String> arrivals() {
		return this.jdbc.queryForList("SELECT file_name || ' ' || status FROM claim_file WHERE source = 'SFTP'"
				+ " AND status <> 'RECEIVED' ORDER BY file_name", String.class);
	}

}
