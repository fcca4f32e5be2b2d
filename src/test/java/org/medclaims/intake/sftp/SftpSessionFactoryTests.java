package org.medclaims.intake.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.integration.file.remote.session.CachingSessionFactory;
import org.springframework.integration.file.remote.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Authentication: the private key when given, the password only without one; host keys
 * always checked.
 */
class SftpSessionFactoryTests {

	@TempDir
	static Path dir;

	static EmbeddedSftpServer server;

	static Path knownHosts;

	@BeforeAll
	static void startServer() throws Exception {
		server = new EmbeddedSftpServer(dir);
		knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.password = "secret";
		server.passwordsOffered.set(0);
	}

	@Test
	void shouldLogInWithThePrivateKeyAndNeverSendThePassword() throws Exception {
		assertThat(list(settings(server.clientKey, "secret"))).isTrue();
		assertThat(server.passwordsOffered).hasValue(0);
	}

	@Test
	void shouldLogInWithThePasswordWhenNoKeyIsGiven() throws Exception {
		assertThat(list(settings(null, "secret"))).isTrue();
		assertThat(server.passwordsOffered).hasPositiveValue();
	}

	@Test
	void shouldFailWhenThePasswordIsRefused() {
		server.password = "another";
		assertThatException().isThrownBy(() -> list(settings(null, "secret")));
	}

	private static boolean list(SftpProperties sftp) throws Exception {
		CachingSessionFactory<DirEntry> sessions = SftpConfiguration.sessionFactory(sftp,
				new HostKeyCheck(sftp.knownHosts(), sftp.host(), sftp.port()));
		try (Session<DirEntry> session = sessions.getSession()) {
			return session.exists("/");
		}
		finally {
			sessions.destroy();
		}
	}

	private static SftpProperties settings(Path key, String password) {
		return new SftpProperties(true, "127.0.0.1", server.port(), "medclaims", key, null, password, knownHosts,
				"/hospitals", Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10),
				Duration.ofMinutes(1), null, 1, false);
	}

}
