package org.medclaims.intake.format;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A file-level error: the whole file is rejected.
 *
 * @param code one of {@link #ORDER}
 * @param lineNo 1-based line of the file, 0 when the problem has no line
 * @param message one sentence for the hospital
 */
public record FileProblem(String code, long lineNo, String message) {

	public static final String F_NAME = "F_NAME";

	public static final String F_EMPTY = "F_EMPTY";

	public static final String F_HEADER = "F_HEADER";

	public static final String F_ENCODING = "F_ENCODING";

	public static final String F_HOSPITAL = "F_HOSPITAL";

	public static final String F_RECORD = "F_RECORD";

	public static final String F_TRAILER = "F_TRAILER";

	public static final String F_TRAILER_MISMATCH = "F_TRAILER_MISMATCH";

	public static final String F_DUPLICATE = "F_DUPLICATE";

	public static final String F_SEQUENCE = "F_SEQUENCE";

	/**
	 * The file-level codes in the order of the spec table: the first that fails decides.
	 */
	public static final List<String> ORDER = List.of(F_NAME, F_EMPTY, F_HEADER, F_ENCODING, F_HOSPITAL, F_RECORD,
			F_TRAILER, F_TRAILER_MISMATCH, F_DUPLICATE, F_SEQUENCE);

	/** Table order, then line number. */
	public static final Comparator<FileProblem> DECISIVE_FIRST = Comparator
		.comparingInt((FileProblem p) -> ORDER.indexOf(p.code()))
		.thenComparingLong(FileProblem::lineNo);

	public FileProblem {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(message, "message");
		if (!ORDER.contains(code)) {
			throw new IllegalArgumentException("not a file-level code: " + code);
		}
	}

	@Override
	public String toString() {
		return this.code + " at line " + this.lineNo + ": " + this.message;
	}

}
