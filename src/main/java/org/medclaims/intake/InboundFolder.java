package org.medclaims.intake;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.medclaims.claims.ClaimFiles;
import org.medclaims.intake.format.ClaimFileName;
import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.integration.file.filters.AbstractFileListFilter;
import org.springframework.integration.file.filters.ChainFileListFilter;
import org.springframework.integration.file.filters.FileListFilter;
import org.springframework.integration.file.filters.FileSystemPersistentAcceptOnceFileListFilter;
import org.springframework.integration.file.filters.LastModifiedFileListFilter;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.stereotype.Component;

/**
 * The local inbound folder and the persistent record of the files taken from it (the JDBC
 * metadata store, keyed by path, valued by modification time): a restart never takes a
 * file twice, a file of the same name that arrives later is taken again.
 */
@Component
class InboundFolder {

	static final String KEY_PREFIX = "medclaims-intake:";

	private static final Logger log = LoggerFactory.getLogger(InboundFolder.class);

	private final Path dir;

	private final ConcurrentMetadataStore store;

	private final FileSystemPersistentAcceptOnceFileListFilter acceptOnce;

	private final Set<Path> unforgotten = ConcurrentHashMap.newKeySet();

	InboundFolder(MedclaimsProperties folders, ConcurrentMetadataStore metadataStore) {
		this.dir = folders.inboundDir().toAbsolutePath().normalize();
		this.store = metadataStore;
		this.acceptOnce = new FileSystemPersistentAcceptOnceFileListFilter(metadataStore, KEY_PREFIX);
	}

	Path dir() {
		return this.dir;
	}

	/**
	 * For the polling flow: every file present now, stable for a while and never taken,
	 * recorded as taken, in name order (the ones still being written wait for a later
	 * poll).
	 */
	List<Path> takeStableNewFiles(long stableForSeconds) {
		return take(new ChainFileListFilter<>(
				List.of(new NotTemporary(), new LastModifiedFileListFilter(stableForSeconds), this.acceptOnce)));
	}

	/** Every file present now and never taken, recorded as taken, in name order. */
	List<Path> takeNewFiles() {
		return take(new ChainFileListFilter<>(List.of(new NotTemporary(), this.acceptOnce)));
	}

	private List<Path> take(FileListFilter<File> filter) {
		List<File> present = present().stream().map(Path::toFile).toList();
		List<File> fresh = filter.filterFiles(present.toArray(File[]::new));
		return fresh.stream().map(File::toPath).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
	}

	void forget(Path file) {
		this.store.remove(KEY_PREFIX + file.toAbsolutePath().normalize());
	}

	/**
	 * Forgets a file whose arrival could not be recorded, now or, when the database
	 * refuses that too, at {@link #forgetPending()}: else the poller would skip it until
	 * the next start.
	 */
	void forgetOrRetry(Path file) {
		try {
			forget(file);
		}
		catch (RuntimeException ex) {
			this.unforgotten.add(file);
			log.warn("Claim file {} could not be forgotten ({}): it is taken again once the database answers", file,
					ex.getMessage());
		}
	}

	/**
	 * The forgets {@link #forgetOrRetry} could not do; a database still down stops at the
	 * first.
	 */
	void forgetPending() {
		for (Path file : List.copyOf(this.unforgotten)) {
			forget(file);
			this.unforgotten.remove(file);
			log.info("Claim file {} forgotten after a database fault: the next scan takes it", file);
		}
	}

	/**
	 * Files recorded as taken that no arrival reads: a crash came between recording and
	 * receiving them (the filter records a whole scan at once). Forgotten, they are taken
	 * again.
	 */
	void forgetFilesNeverReceived(ClaimFiles claimFiles) {
		for (Path file : present()) {
			String key = KEY_PREFIX + file;
			if (this.store.get(key) != null && !claimFiles.isUnfinished(file)) {
				log.warn("Claim file {} was taken before a crash but never received: taking it again", file);
				this.store.remove(key);
			}
		}
	}

	private List<Path> present() {
		if (!Files.isDirectory(this.dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter(Files::isRegularFile)
				.filter(f -> !ClaimFileName.isTemporary(f.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the inbound folder " + this.dir + ": " + ex.getMessage()
					+ "; fix its permissions or medclaims.inbound-dir.", ex);
		}
	}

	/**
	 * Files being uploaded under a temporary name ({@code .part}, {@code .tmp}, leading
	 * dot), and folders.
	 */
	static final class NotTemporary extends AbstractFileListFilter<File> {

		@Override
		public boolean accept(File file) {
			return !ClaimFileName.isTemporary(file.getName()) && file.isFile();
		}

	}

}
