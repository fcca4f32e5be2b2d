package org.medclaims.intake.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medclaims.system.OperatorMistake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** SFTP enabled but unusable: medclaims refuses to start, saying why in one sentence. */
class SftpSettingsTests {

	@TempDir
	Path dir;

	@Test
	void shouldRefuseToStartWithoutKnownHosts() {
		assertThatExceptionOfType(OperatorMistake.class)
			.isThrownBy(() -> SftpSettings.check(settings(key(), null, null)))
			.withMessage(
					"SFTP is enabled but medclaims.sftp.known-hosts is not set: unknown host keys are never accepted,"
							+ " so give the known_hosts file with the server's key (ssh-keyscan -p 2222 sftp.example.org,"
							+ " fingerprint checked with the server's operator).");
	}

	@Test
	void shouldRefuseToStartWhenKnownHostsIsMissing() {
		Path missing = this.dir.resolve("known_hosts");
		assertThatExceptionOfType(OperatorMistake.class)
			.isThrownBy(() -> SftpSettings.check(settings(key(), null, missing)))
			.withMessageStartingWith(
					"medclaims.sftp.known-hosts " + missing.toAbsolutePath() + " is missing or unreadable:")
			.withMessageNotContaining("\n");
	}

	@Test
	void shouldRefuseToStartWithNeitherKeyNorPassword() throws Exception {
		assertThatExceptionOfType(OperatorMistake.class)
			.isThrownBy(() -> SftpSettings.check(settings(null, null, knownHosts())))
			.withMessage("SFTP is enabled but neither medclaims.sftp.private-key nor medclaims.sftp.password is set:"
					+ " give a private key (preferred) or a password.");
	}

	@Test
	void shouldRefuseToStartWhenThePrivateKeyIsMissing() throws Exception {
		Path missing = this.dir.resolve("id_ed25519");
		assertThatExceptionOfType(OperatorMistake.class)
			.isThrownBy(() -> SftpSettings.check(settings(missing, null, knownHosts())))
			.withMessageStartingWith("medclaims.sftp.private-key " + missing.toAbsolutePath());
	}

	@Test
	void shouldAcceptAKeyOrAPassword() throws Exception {
		assertThat(SftpSettings.check(settings(key(), null, knownHosts()))).isNotNull();
		assertThat(SftpSettings.check(settings(null, "secret", knownHosts()))).isNotNull();
	}

	@Test
	void shouldWriteAddressesAsKnownHostsDoes() throws Exception {
		assertThat(settings(key(), null, knownHosts()).address()).isEqualTo("[sftp.example.org]:2222");
		assertThat(new SftpProperties(true, "sftp.example.org", 22, "medclaims", null, null, "pw", null, "/hospitals/",
				Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(10), null, 4,
				true)
			.address()).isEqualTo("sftp.example.org");
		assertThat(settings(key(), null, knownHosts()).inbox("H1")).isEqualTo("/hospitals/H1/inbox");
	}

	private Path key() throws Exception {
		return Files.writeString(this.dir.resolve("id_ed25519"), "key");
	}

	private Path knownHosts() throws Exception {
		return Files.writeString(this.dir.resolve("known_hosts"), "");
	}

	private static SftpProperties settings(Path key, String password, Path knownHosts) {
		return new SftpProperties(true, "sftp.example.org", 2222, "medclaims", key, null, password, knownHosts,
				"/hospitals", Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(60),
				Duration.ofMinutes(10), null, 4, true);
	}

}
