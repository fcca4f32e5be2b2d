package org.medclaims.intake;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Moves a claim file to its decided place so that repeating the move after a crash is harmless:
 * a target is only ever complete (copies across file systems go through a temporary name), and a
 * source that is gone while its target exists means the move was done.
 */
final class FileMoves {

	private FileMoves() {
	}

	/** {@code dir/name}, or {@code dir/name.<arrivalId>} when another file already has the name. */
	static Path freeTarget(Path dir, String name, long arrivalId) {
		Path plain = dir.resolve(name);
		return Files.exists(plain) ? dir.resolve(name + "." + arrivalId) : plain;
	}

	static void moveOnce(Path source, Path target) throws IOException {
		if (!Files.exists(source)) {
			if (Files.exists(target)) {
				return;
			}
			throw new IntakeFault("The file " + source + " is gone and was not moved to " + target
					+ ": put it back where it was and restart the execution.");
		}
		Files.createDirectories(target.getParent());
		if (Files.exists(target)) {
			// a copy across file systems that completed before the crash deleted its source
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
