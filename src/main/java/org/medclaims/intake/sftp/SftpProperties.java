package org.medclaims.intake.sftp;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medclaims.sftp.*} (interfaces.md): the SFTP server where each hospital has
 * {@code <remote-root>/<hospitalCode>/inbox/} and {@code outbox/}.
 *
 * @param enabled poll the server at all
 * @param privateKey an OpenSSH private key; when set, the password is never used
 * @param password used only when no private key is given
 * @param knownHosts OpenSSH known_hosts file ({@code [host]:port} entries for a port
 * other than 22); a host whose key is not in it is refused
 * @param pollInterval how often {@code serve} fetches and delivers
 * @param connectTimeout connecting and authenticating
 * @param readTimeout waiting for any one answer of the server, a transfer's included
 * @param maxBackoff the longest wait between attempts while the server or an inbox keeps
 * failing
 * @param stagingDir where downloads are completed before the intake takes them; default
 * {@code sftp-staging} beside the inbound folder
 * @param sessionCacheSize open SFTP sessions kept for reuse
 * @param watch whether {@code serve} polls (tests that drive the exchange themselves turn
 * it off)
 */
@ConfigurationProperties("medclaims.sftp")
public record SftpProperties(boolean enabled, String host, @DefaultValue("22") int port, String username,
		Path privateKey, String privateKeyPassphrase, String password, Path knownHosts,
		@DefaultValue("/hospitals") String remoteRoot, @DefaultValue("30s") Duration pollInterval,
		@DefaultValue("15s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
		@DefaultValue("10m") Duration maxBackoff, Path stagingDir, @DefaultValue("4") int sessionCacheSize,
		@DefaultValue("true") boolean watch) {

	/** {@code host:port}, or {@code [host]:port} as known_hosts writes it. */
	public String address() {
		return this.port == 22 ? this.host : "[" + this.host + "]:" + this.port;
	}

	/** The remote root without a trailing slash ({@code /} stays {@code ""}). */
	String root() {
		String root = this.remoteRoot.trim();
		while (root.endsWith("/")) {
			root = root.substring(0, root.length() - 1);
		}
		return root;
	}

	String inbox(String hospital) {
		return root() + "/" + hospital + "/inbox";
	}

	String outbox(String hospital) {
		return root() + "/" + hospital + "/outbox";
	}

}
