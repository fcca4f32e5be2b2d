package org.medclaims.intake.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A UTF-8, LF text file written under a temporary {@code <name>.*.tmp} beside its target,
 * forced to disk and renamed atomically on {@link #commit()}: a reader sees the whole
 * file or none. Closed without commit, the temporary file is deleted.
 */
final class AtomicTextFile implements AutoCloseable {

	// always a numeric offset (+00:00, +08:00), as the spec's examples show, never a bare
	// Z
	private static final DateTimeFormatter PROCESSED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

	private final Path target;

	private final Path temporary;

	private final FileChannel channel;

	private final Writer writer;

	private boolean committed;

	AtomicTextFile(Path target) throws IOException {
		this.target = target.toAbsolutePath();
		// a name of its own: two writers of one target never share a temporary file
		this.temporary = Files.createTempFile(this.target.getParent(), this.target.getFileName() + ".", ".tmp");
		this.channel = FileChannel.open(this.temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
		this.writer = new BufferedWriter(
				new OutputStreamWriter(Channels.newOutputStream(this.channel), StandardCharsets.UTF_8), 64 * 1024);
	}

	/**
	 * One record: fields joined by {@code |}, each cleaned of {@code |}, CR and LF, then
	 * LF.
	 */
	void record(String... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				this.writer.write('|');
			}
			this.writer.write(clean(fields[i]));
		}
		this.writer.write('\n');
	}

	void commit() throws IOException {
		this.writer.flush();
		this.channel.force(true);
		this.writer.close();
		Files.move(this.temporary, this.target, StandardCopyOption.ATOMIC_MOVE);
		this.committed = true;
		forceDirectory(this.target.getParent());
	}

	@Override
	public void close() throws IOException {
		if (!this.committed) {
			try {
				this.writer.close();
			}
			finally {
				Files.deleteIfExists(this.temporary);
			}
		}
	}

	/** ISO-8601 with offset and whole seconds, e.g. {@code 2026-01-01T00:00:00+08:00}. */
	static String timestamp(OffsetDateTime at) {
		return PROCESSED_AT.format(at.truncatedTo(ChronoUnit.SECONDS));
	}

	// a field never contains | or a line break: replace them rather than break the record
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		return text.replace('|', '/').replace('\r', ' ').replace('\n', ' ');
	}

	// makes the rename itself durable; not every platform can open a directory
	private static void forceDirectory(Path directory) {
		try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
		catch (IOException ex) {
			// the file is complete either way; only durability across a crash is weaker
		}
	}

}
