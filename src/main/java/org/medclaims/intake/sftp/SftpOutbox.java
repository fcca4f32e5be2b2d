package org.medclaims.intake.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

import org.medclaims.system.Sha256;
import org.medclaims.intake.sftp.DeliveryRecords.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.integration.sftp.session.SftpRemoteFileTemplate;

/**
 * Sends the answers in {@code outbound-dir/<hospital>/} ({@code .res}, {@code .rej}) to
 * {@code <remote-root>/<hospital>/outbox/}: uploaded under {@code <name>.part}, renamed
 * when complete, recorded by name and content hash so nothing goes twice. The local
 * copies stay.
 */
class SftpOutbox {

	private static final Logger log = LoggerFactory.getLogger(SftpOutbox.class);

	private final SftpRemoteFileTemplate remote;

	private final SftpProperties sftp;

	private final DeliveryRecords records;

	private final Path outboundDir;

	SftpOutbox(SftpRemoteFileTemplate remote, SftpProperties sftp, DeliveryRecords records, Path outboundDir) {
		this.remote = remote;
		this.sftp = sftp;
		this.records = records;
		this.outboundDir = outboundDir;
	}

	/** The answers of a hospital not yet delivered, in name order. */
	List<Path> waiting(String hospital) throws IOException {
		Path dir = this.outboundDir.resolve(hospital);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile)
				.filter(f -> f.getFileName().toString().endsWith(".res") || f.getFileName().toString().endsWith(".rej"))
				.sorted()
				.filter(f -> !deliveredUnchanged(hospital, f))
				.toList();
		}
	}

	/**
	 * Delivers one answer unless this content went before; true when it was uploaded now.
	 * Throws when the upload failed.
	 */
	boolean deliver(String hospital, Path file) throws IOException {
		String name = file.getFileName().toString();
		long size = Files.size(file);
		long mtime = Files.getLastModifiedTime(file).toMillis();
		String sha256 = Sha256.of(file).hex();
		Delivery known = this.records.find(hospital, name, sha256).orElse(null);
		if (known != null && known.delivered()) {
			this.records.touched(known, mtime);
			return false;
		}
		String outbox = this.sftp.outbox(hospital);
		String target = outbox + "/" + name;
		String partial = target + ".part";
		if (known != null && sameContentThere(target, sha256)) {
			// an earlier upload was renamed but a crash came before it was recorded
			this.records.delivered(known);
			log.info("SFTP {} was already in place from an earlier attempt: recorded as delivered", target);
			return false;
		}
		Delivery delivery = this.records.started(hospital, name, sha256, size, mtime, target);
		try {
			this.remote.execute(session -> {
				if (!session.exists(outbox)) {
					session.mkdir(outbox);
				}
				try (InputStream in = Files.newInputStream(file)) {
					session.write(in, partial);
				}
				session.rename(partial, target);
				return null;
			});
		}
		catch (RuntimeException ex) {
			this.records.failed(delivery, SftpInbox.rootMessage(ex));
			throw ex;
		}
		this.records.delivered(delivery);
		log.info("SFTP delivered {} to {} ({} bytes)", file, target, size);
		return true;
	}

	private boolean sameContentThere(String target, String sha256) {
		try {
			return this.remote.execute(session -> {
				if (!session.exists(target)) {
					return false;
				}
				MessageDigest digest = Sha256.newDigest();
				try (java.io.OutputStream out = new java.security.DigestOutputStream(
						java.io.OutputStream.nullOutputStream(), digest)) {
					session.read(target, out);
				}
				return Sha256.hex(digest).equals(sha256);
			});
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private boolean deliveredUnchanged(String hospital, Path file) {
		try {
			return this.records.deliveredUnchanged(hospital, file.getFileName().toString(), Files.size(file),
					Files.getLastModifiedTime(file).toMillis());
		}
		catch (IOException ex) {
			return false;
		}
	}

}
