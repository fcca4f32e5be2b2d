package org.medclaims.intake.sftp;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.sftp.session.ResourceKnownHostsServerKeyVerifier;

/**
 * Strict host-key checking against {@code medclaims.sftp.known-hosts}. The decision is
 * Spring Integration's {@link ResourceKnownHostsServerKeyVerifier}, built afresh for each
 * connection so an operator's fix of known_hosts needs no restart; on refusal it tells an
 * unknown host from a changed key (the library reports both as "Server key did not
 * validate") in one log line with the fingerprint.
 */
class HostKeyCheck implements ServerKeyVerifier {

	private static final Logger log = LoggerFactory.getLogger(HostKeyCheck.class);

	private final Path knownHosts;

	private final String host;

	private final int port;

	private final AtomicReference<Verdict> last = new AtomicReference<>();

	HostKeyCheck(Path knownHosts, String host, int port) {
		this.knownHosts = knownHosts.toAbsolutePath();
		this.host = host;
		this.port = port;
	}

	@Override
	public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
		boolean known = new ResourceKnownHostsServerKeyVerifier(new FileSystemResource(this.knownHosts))
			.verifyServerKey(session, remoteAddress, serverKey);
		String fingerprint = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
		String address = this.port == 22 ? this.host : "[" + this.host + "]:" + this.port;
		if (known) {
			this.last.set(new Verdict(Outcome.VERIFIED, fingerprint, Instant.now()));
			return true;
		}
		if (hostIsListed()) {
			this.last.set(new Verdict(Outcome.CHANGED, fingerprint, Instant.now()));
			log.error(
					"SFTP connection to {} refused: its host key CHANGED, the server now presents {} which is not the key {} holds for it"
							+ " (possible man-in-the-middle); nothing is fetched until the new fingerprint is verified with the server's operator and known_hosts updated.",
					address, fingerprint, this.knownHosts);
		}
		else {
			this.last.set(new Verdict(Outcome.UNKNOWN, fingerprint, Instant.now()));
			log.error("SFTP connection to {} refused: UNKNOWN host, {} has no entry for it; the server presents {}."
					+ " Nothing is fetched until its known_hosts line (ssh-keyscan -p {} {}) is added after checking that fingerprint with the server's operator.",
					address, this.knownHosts, fingerprint, this.port, this.host);
		}
		return false;
	}

	// "changed" when any line, revoked ones included, names this host and port
	private boolean hostIsListed() {
		try {
			Collection<KnownHostEntry> entries = KnownHostEntry.readKnownHostEntries(this.knownHosts);
			return entries.stream().anyMatch(e -> e.isHostMatch(this.host, this.port));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** The outcome of the last connection's check, or null before any. */
	Verdict last() {
		return this.last.get();
	}

	enum Outcome {

		VERIFIED, UNKNOWN, CHANGED

	}

	record Verdict(Outcome outcome, String fingerprint, Instant at) {
	}

}
