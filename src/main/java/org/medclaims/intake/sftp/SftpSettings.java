package org.medclaims.intake.sftp;

import java.nio.file.Files;
import java.nio.file.Path;

import org.medclaims.system.OperatorMistake;

import org.springframework.util.StringUtils;

/** Refuses to start, in one sentence, when SFTP is enabled but cannot be used safely. */
final class SftpSettings {

	private SftpSettings() {
	}

	static SftpProperties check(SftpProperties sftp) {
		if (!StringUtils.hasText(sftp.host())) {
			throw new OperatorMistake(
					"SFTP is enabled but medclaims.sftp.host is not set: set it or set medclaims.sftp.enabled=false.");
		}
		if (!StringUtils.hasText(sftp.username())) {
			throw new OperatorMistake(
					"SFTP is enabled but medclaims.sftp.username is not set: set the account medclaims logs in as.");
		}
		if (sftp.knownHosts() == null) {
			throw new OperatorMistake(
					"SFTP is enabled but medclaims.sftp.known-hosts is not set: unknown host keys are never accepted, so give the known_hosts file with the server's key (ssh-keyscan -p "
							+ sftp.port() + " " + sftp.host() + ", fingerprint checked with the server's operator).");
		}
		if (!readableFile(sftp.knownHosts())) {
			throw new OperatorMistake("medclaims.sftp.known-hosts " + sftp.knownHosts().toAbsolutePath()
					+ " is missing or unreadable: unknown host keys are never accepted, so create it with the server's key (ssh-keyscan -p "
					+ sftp.port() + " " + sftp.host() + ", fingerprint checked with the server's operator).");
		}
		if (sftp.privateKey() != null && !readableFile(sftp.privateKey())) {
			throw new OperatorMistake("medclaims.sftp.private-key " + sftp.privateKey().toAbsolutePath()
					+ " is missing or unreadable: give the path of the OpenSSH private key medclaims logs in with.");
		}
		if (sftp.privateKey() == null && !StringUtils.hasLength(sftp.password())) {
			throw new OperatorMistake(
					"SFTP is enabled but neither medclaims.sftp.private-key nor medclaims.sftp.password is set: give a private key (preferred) or a password.");
		}
		if (sftp.pollInterval().isNegative() || sftp.pollInterval().isZero()) {
			throw new OperatorMistake("medclaims.sftp.poll-interval must be positive, e.g. 30s.");
		}
		return sftp;
	}

	private static boolean readableFile(Path path) {
		return Files.isRegularFile(path) && Files.isReadable(path);
	}

}
