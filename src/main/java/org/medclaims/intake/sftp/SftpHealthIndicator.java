package org.medclaims.intake.sftp;

import org.medclaims.intake.sftp.HostKeyCheck.Verdict;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.integration.sftp.session.SftpRemoteFileTemplate;

/**
 * Actuator {@code sftp}: the server is reachable, its host key verified, the remote root
 * listable.
 */
class SftpHealthIndicator implements HealthIndicator {

	private final SftpRemoteFileTemplate remote;

	private final SftpProperties sftp;

	private final HostKeyCheck hostKeys;

	SftpHealthIndicator(SftpRemoteFileTemplate remote, SftpProperties sftp, HostKeyCheck hostKeys) {
		this.remote = remote;
		this.sftp = sftp;
		this.hostKeys = hostKeys;
	}

	@Override
	public Health health() {
		Health.Builder health;
		try {
			String root = this.sftp.root().isEmpty() ? "/" : this.sftp.root();
			boolean rootExists = this.remote.execute(session -> session.exists(root));
			health = rootExists ? Health.up()
					: Health.down().withDetail("error", "remote root " + root + " does not exist");
		}
		catch (RuntimeException ex) {
			health = Health.down().withDetail("error", SftpInbox.rootMessage(ex));
		}
		health.withDetail("server", this.sftp.username() + "@" + this.sftp.address());
		Verdict verdict = this.hostKeys.last();
		if (verdict != null) {
			health.withDetail("hostKey", verdict.outcome().name().toLowerCase())
				.withDetail("hostKeyFingerprint", verdict.fingerprint());
		}
		return health.build();
	}

}
