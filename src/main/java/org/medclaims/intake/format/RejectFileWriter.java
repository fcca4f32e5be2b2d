package org.medclaims.intake.format;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes the reject file ({@code MCX1}) of a file rejected at file level: one {@code E}
 * per problem.
 */
public final class RejectFileWriter {

	private RejectFileWriter() {
	}

	/**
	 * @param target e.g. {@code H330282001_20131231_902.clm.rej}
	 * @param hospitalCode null or empty when the name gives none
	 * @param problems decisive first, at least one
	 */
	public static void write(Path target, String hospitalCode, String sourceFileName, OffsetDateTime processedAt,
			List<FileProblem> problems) throws IOException {
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A reject file names at least one problem.");
		}
		try (AtomicTextFile file = new AtomicTextFile(target)) {
			file.record("H", "MCX1", hospitalCode, sourceFileName, AtomicTextFile.timestamp(processedAt));
			for (FileProblem problem : problems) {
				file.record("E", problem.code(), Long.toString(problem.lineNo()), problem.message());
			}
			file.commit();
		}
	}

}
