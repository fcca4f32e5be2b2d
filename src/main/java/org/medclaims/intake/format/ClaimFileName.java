package org.medclaims.intake.format;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a claim file, {@code <hospitalCode>_<yyyyMMdd>_<seq>.clm}.
 *
 * @param hospitalCode {@code [A-Z0-9]{4,20}}
 * @param fileDate a real calendar date
 * @param seq 0 to 999, written with three digits
 */
public record ClaimFileName(String hospitalCode, LocalDate fileDate, int seq) {

	private static final Pattern NAME = Pattern.compile("([A-Z0-9]{4,20})_([0-9]{8})_([0-9]{3})\\.clm");

	private static final Pattern HOSPITAL_PREFIX = Pattern.compile("([A-Z0-9]{4,20})_.*", Pattern.DOTALL);

	public ClaimFileName {
		Objects.requireNonNull(hospitalCode, "hospitalCode");
		Objects.requireNonNull(fileDate, "fileDate");
		if (seq < 0 || seq > 999) {
			throw new IllegalArgumentException("seq must be 0 to 999: " + seq);
		}
	}

	/** The parsed name, or empty when it does not match the pattern (F_NAME). */
	public static Optional<ClaimFileName> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		Matcher m = NAME.matcher(name);
		if (!m.matches()) {
			return Optional.empty();
		}
		LocalDate date = Formats.date(m.group(2));
		if (date == null) {
			return Optional.empty();
		}
		return Optional.of(new ClaimFileName(m.group(1), date, Integer.parseInt(m.group(3))));
	}

	/** A file still being uploaded: never picked up, never rejected. */
	public static boolean isTemporary(String name) {
		return name.endsWith(".part") || name.endsWith(".tmp") || name.startsWith(".");
	}

	/** The hospital a reject file goes to, read from the name alone (even a bad one). */
	public static Optional<String> hospitalCodePrefix(String name) {
		if (name == null) {
			return Optional.empty();
		}
		Matcher m = HOSPITAL_PREFIX.matcher(name);
		return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
	}

	/** The date as written in the name and header, {@code yyyyMMdd}. */
	public String fileDateText() {
		return Formats.DATE.format(this.fileDate);
	}

	/** The sequence as written in the name and header, three digits. */
	public String seqText() {
		// Locale.ROOT: in some locales (ar-EG, fa-IR) %d writes other digits than the
		// file name's
		return String.format(Locale.ROOT, "%03d", this.seq);
	}

	/** {@code <hospitalCode>_<yyyyMMdd>_<seq>}, the base of the response file name. */
	public String baseName() {
		return this.hospitalCode + "_" + fileDateText() + "_" + seqText();
	}

	@Override
	public String toString() {
		return baseName() + ".clm";
	}

}
