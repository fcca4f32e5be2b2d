package org.medclaims.intake.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.medclaims.claims.ClaimFiles;
import org.medclaims.intake.ClaimIntake;
import org.medclaims.intake.format.ClaimFileName;
import org.medclaims.intake.sftp.FetchRecords.Fetch;
import org.medclaims.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.integration.file.filters.AbstractFileListFilter;
import org.springframework.integration.file.filters.ChainFileListFilter;
import org.springframework.integration.file.filters.FileListFilter;
import org.springframework.integration.sftp.session.SftpRemoteFileTemplate;
import org.springframework.util.StreamUtils;

/**
 * Takes the files of the hospitals' inboxes: download to the staging folder under a
 * temporary name, rename when complete, record (local copy + accept-once key), delete the
 * remote file, then the intake. Built on the session API rather than the synchronizing
 * inbound adapter because the adapter records a file as accepted before it is fetched and
 * removes the remote file as soon as it is copied: the no-loss rule needs the record
 * between the copy and the remote delete.
 */
class SftpInbox {

	private static final Logger log = LoggerFactory.getLogger(SftpInbox.class);

	private final SftpRemoteFileTemplate remote;

	private final SftpProperties sftp;

	private final FetchRecords records;

	private final ClaimFiles claimFiles;

	private final ClaimIntake intake;

	private final Path staging;

	private final FileListFilter<DirEntry> candidates = new ChainFileListFilter<>(List
		.of(filter(e -> e.getAttributes().isRegularFile()), filter(e -> !ClaimFileName.isTemporary(e.getFilename()))));

	SftpInbox(SftpRemoteFileTemplate remote, SftpProperties sftp, FetchRecords records, ClaimFiles claimFiles,
			ClaimIntake intake, Path staging) {
		this.remote = remote;
		this.sftp = sftp;
		this.records = records;
		this.claimFiles = claimFiles;
		this.intake = intake;
		this.staging = staging;
	}

	/** The hospital folders under the remote root, in name order. */
	List<String> hospitals() {
		String root = this.sftp.root().isEmpty() ? "/" : this.sftp.root();
		return this.remote.execute(session -> Arrays.stream(session.list(root))
			.filter(e -> e.getAttributes().isDirectory() && !e.getFilename().startsWith("."))
			.map(DirEntry::getFilename)
			.sorted()
			.toList());
	}

	/**
	 * The files of one inbox to take, in name order: regular files, temporary names left
	 * alone.
	 */
	List<DirEntry> files(String hospital) {
		DirEntry[] listed = this.remote.execute(session -> session.list(this.sftp.inbox(hospital)));
		return this.candidates.filterFiles(listed)
			.stream()
			.sorted(Comparator.comparing(DirEntry::getFilename))
			.toList();
	}

	/**
	 * Fetches one remote file: copied, recorded and removed from the inbox, ready for the
	 * intake; or, when a crash came between its record and its deletion, only deleted.
	 * Throws when it could not be fetched: nothing was recorded, the partial copy is
	 * gone, the next poll tries again.
	 */
	Optional<Fetch> fetch(String hospital, DirEntry entry) throws IOException {
		String remotePath = this.sftp.inbox(hospital) + "/" + entry.getFilename();
		long mtime = entry.getAttributes().getModifyTime().to(TimeUnit.SECONDS);
		long size = entry.getAttributes().getSize();
		Optional<Fetch> recorded = this.records.recorded(remotePath, mtime);
		if (recorded.isPresent()) {
			log.info("SFTP {} was fetched before (as {}) but is still in the inbox: not fetched again, deleting it now",
					remotePath, recorded.get().localPath());
			delete(recorded.get());
			return Optional.empty();
		}
		Copy copy = download(hospital, remotePath, entry.getFilename(), size);
		Optional<Fetch> fetch = this.records.record(hospital, remotePath, mtime, size, copy.sha256(), copy.path());
		if (fetch.isEmpty()) {
			log.info("SFTP {} was recorded by another medclaims process meanwhile: this copy is discarded", remotePath);
			Files.deleteIfExists(copy.path());
			deleteIfEmpty(copy.path().getParent());
			return Optional.empty();
		}
		log.info("SFTP fetched {} ({} bytes, SHA-256 {}) to {}", remotePath, size, copy.sha256(), copy.path());
		delete(fetch.get());
		return fetch;
	}

	/** The recorded local copies a crash or a fault left behind, not yet taken in. */
	List<Fetch> waitingForIntake() {
		List<Fetch> waiting = new java.util.ArrayList<>();
		for (Fetch fetch : this.records.waitingForIntake()) {
			if (this.claimFiles.sftpCopyRecorded(fetch.localPath())) {
				this.records.takenIn(fetch, null, "arrival found recorded by the intake after a restart");
			}
			else if (!Files.isRegularFile(fetch.localPath())) {
				log.error(
						"SFTP {}: its local copy {} is missing and was never taken in; ask hospital {} to send it again",
						fetch.remotePath(), fetch.localPath(), fetch.hospital());
				this.records.takenIn(fetch, null, "local copy missing, never taken in");
			}
			else {
				log.info("SFTP {}: taking in its local copy {}, recorded before a restart", fetch.remotePath(),
						fetch.localPath());
				waiting.add(fetch);
			}
		}
		return waiting;
	}

	/** Hands the fetched copies to the intake as one batch. */
	Optional<JobExecution> takeIn(List<Fetch> fetches) {
		if (fetches.isEmpty()) {
			return Optional.empty();
		}
		try {
			JobExecution execution = this.intake.receive(fetches.stream()
				.map(f -> new ClaimIntake.Incoming(f.localPath(), ClaimIntake.SFTP, f.remotePath()))
				.toList());
			for (Fetch fetch : fetches) {
				this.records.takenIn(fetch, execution.getId(), null);
				deleteIfEmpty(fetch.localPath().getParent());
			}
			return Optional.of(execution);
		}
		catch (ClaimIntake.ArrivalNotRecorded ex) {
			log.error("SFTP: the intake could not record the arrival of {} fetched file(s) ({}); their local copies are"
					+ " taken in on the next poll", fetches.size(), ex.getMessage());
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			// the arrivals are recorded: the intake's own recovery resumes them
			log.error("SFTP: {}", ex.getMessage());
			fetches.forEach(fetch -> this.records.takenIn(fetch, null, ex.getMessage()));
			return Optional.empty();
		}
	}

	/**
	 * Removes the remote file unless the hospital replaced it meanwhile; a failure is
	 * retried on the next poll.
	 */
	private void delete(Fetch fetch) {
		try {
			this.remote.execute(session -> {
				SftpClient client = (SftpClient) session.getClientInstance();
				SftpClient.Attributes now;
				try {
					now = client.stat(fetch.remotePath());
				}
				catch (IOException ex) {
					if (!session.exists(fetch.remotePath())) {
						return null; // already gone: our earlier delete went through
										// before a crash
					}
					throw ex;
				}
				// mtime has whole seconds: a same-second re-upload still differs in size,
				// most of the time
				if (now.getModifyTime().to(TimeUnit.SECONDS) != fetch.mtime() || now.getSize() != fetch.size()) {
					log.info(
							"SFTP {} was replaced by the hospital after it was fetched: the new version is fetched on the next poll",
							fetch.remotePath());
					return null;
				}
				session.remove(fetch.remotePath());
				return null;
			});
			this.records.deleted(fetch);
		}
		catch (RuntimeException ex) {
			log.warn(
					"SFTP {} is stored and recorded but could not be deleted from the inbox ({}); retried on the next poll",
					fetch.remotePath(), rootMessage(ex));
		}
	}

	private Copy download(String hospital, String remotePath, String name, long size) throws IOException {
		Path dir = this.staging.resolve(hospital).resolve(UUID.randomUUID().toString());
		Files.createDirectories(dir);
		Path partial = dir.resolve(name + ".part");
		Path complete = dir.resolve(name);
		MessageDigest sha256 = Sha256.newDigest();
		long[] written = { 0 };
		try {
			try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256) {
					@Override
					public void write(byte[] b, int off, int len) throws IOException {
						super.write(b, off, len);
						written[0] += len;
					}

					@Override
					public void write(int b) throws IOException {
						super.write(b);
						written[0]++;
					}
				};
				this.remote.execute(session -> {
					// Session.read closes the stream it is given; the channel must stay
					// open to be forced
					session.read(remotePath, StreamUtils.nonClosing(out));
					return null;
				});
				out.flush();
				channel.force(true);
			}
			if (written[0] != size) {
				throw new IOException(
						"incomplete download of " + remotePath + ": " + written[0] + " of " + size + " bytes");
			}
			Files.move(partial, complete, StandardCopyOption.ATOMIC_MOVE);
			forceDirectory(dir);
			return new Copy(complete, Sha256.hex(sha256));
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			deleteIfEmpty(dir);
			throw ex;
		}
	}

	private static void deleteIfEmpty(Path dir) {
		try {
			Files.deleteIfExists(dir);
		}
		catch (IOException ex) {
			// not empty, or busy: left for later
		}
	}

	private static void forceDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// the copy is complete either way; only durability across a power cut is
			// weaker
		}
	}

	static String rootMessage(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static FileListFilter<DirEntry> filter(java.util.function.Predicate<DirEntry> accept) {
		return new AbstractFileListFilter<>() {
			@Override
			public boolean accept(DirEntry file) {
				return accept.test(file);
			}
		};
	}

	private record Copy(Path path, String sha256) {
	}

}
