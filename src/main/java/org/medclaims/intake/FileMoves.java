package org.medclaims.intake;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.medclaims.system.Sha256;

/**
 * Moves a claim file to its decided place so that repeating the move after a crash is
 * harmless: a target is only ever complete (copies across file systems go through a
 * temporary name), and a source that is gone while its target exists means the move was
 * done.
 */
final class FileMoves {

	private FileMoves() {
	}

	/**
	 * {@code dir/name}, or {@code dir/name.<arrivalId>} when another file already has the
	 * name.
	 */
	static Path freeTarget(Path dir, String name, long arrivalId) {
		Path plain = dir.resolve(name);
		return Files.exists(plain) ? dir.resolve(name + "." + arrivalId) : plain;
	}

	/**
	 * Moves the arrival's file; {@code sha256} tells a target completed before a crash
	 * from another file that took the name meanwhile, which is never overwritten and
	 * never costs the source.
	 */
	static void moveOnce(Path source, Path target, String sha256) throws IOException {
		if (!Files.exists(source)) {
			if (Files.exists(target)) {
				return;
			}
			throw new IntakeFault("The file " + source + " is gone and was not moved to " + target
					+ ": put it back where it was and restart the execution.");
		}
		if (!sha256.equals(Sha256.of(source).hex())) {
			throw new IntakeFault("The file " + source + " changed after it was taken in: it was not moved to " + target
					+ "; put the file that arrived back, or abandon the execution and send the new file under a new name.");
		}
		Files.createDirectories(target.getParent());
		if (Files.exists(target)) {
			if (!sha256.equals(Sha256.of(target).hex())) {
				throw new IntakeFault("Another file already lies at " + target + ": " + source
						+ " was left where it is; move that file away and restart the execution.");
			}
			// a copy across file systems that completed before the crash deleted its
			// source
			Files.delete(source);
			return;
		}
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Path temporary = target.resolveSibling(target.getFileName() + ".moving");
			Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			Files.delete(source);
		}
	}

}
