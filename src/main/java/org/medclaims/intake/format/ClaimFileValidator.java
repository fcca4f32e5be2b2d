package org.medclaims.intake.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.medclaims.policy.Money;

import static org.medclaims.intake.format.FileProblem.F_EMPTY;
import static org.medclaims.intake.format.FileProblem.F_ENCODING;
import static org.medclaims.intake.format.FileProblem.F_HEADER;
import static org.medclaims.intake.format.FileProblem.F_HOSPITAL;
import static org.medclaims.intake.format.FileProblem.F_NAME;
import static org.medclaims.intake.format.FileProblem.F_RECORD;
import static org.medclaims.intake.format.FileProblem.F_TRAILER;
import static org.medclaims.intake.format.FileProblem.F_TRAILER_MISMATCH;

/**
 * Checks a claim file at file level in one streaming pass (F_NAME to F_TRAILER_MISMATCH) and
 * computes its SHA-256 on the way. Memory does not depend on the file: lines are decoded in
 * chunks and at most {@value LineDecoder#KEPT_CHARS} characters of a line are kept.
 * <p>
 * A file is empty (F_EMPTY) when it has zero bytes or nothing but an optional UTF-8 BOM and
 * line breaks (CR, LF): then no other problem but F_NAME is reported. F_DUPLICATE and
 * F_SEQUENCE need the database: the caller adds them with {@link FileValidation#withProblem}.
 */
public final class ClaimFileValidator {

	/** More problems are counted but not listed; the first of each code always is. */
	public static final int MAX_PROBLEMS = 1000;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final HospitalCheck hospitals;

	public ClaimFileValidator(HospitalCheck hospitals) {
		this.hospitals = Objects.requireNonNull(hospitals, "hospitals");
	}

	public FileValidation validate(Path file) throws IOException {
		return validate(file, file.getFileName().toString());
	}

	/** Validates {@code file} as if it were named {@code fileName} (a download kept under another name). */
	public FileValidation validate(Path file, String fileName) throws IOException {
		Pass pass = new Pass(fileName);
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			int n = in.readNBytes(buffer, 0, BOM.length);
			pass.digest(buffer, n);
			boolean bom = n == BOM.length && buffer[0] == BOM[0] && buffer[1] == BOM[1] && buffer[2] == BOM[2];
			pass.bom = bom;
			if (!bom) {
				pass.scan(buffer, n);
			}
			while ((n = in.read(buffer)) != -1) {
				pass.digest(buffer, n);
				pass.scan(buffer, n);
			}
		}
		return pass.finish();
	}

	private final class Pass {

		private final String fileName;

		private final ClaimFileName name;

		private final MessageDigest sha256 = sha256();

		private final List<FileProblem> problems = new ArrayList<>();

		private final Map<String, FileProblem> firstOfCode = new LinkedHashMap<>();

		private long problemCount;

		private long size;

		private boolean bom;

		private boolean content;

		private boolean lineOpen;

		private long lineNo;

		private final LineDecoder decoder = new LineDecoder(StandardCharsets.US_ASCII);

		private Charset charset;

		private boolean reportEncoding;

		private String hospitalCode;

		private boolean seenClaim;

		private long claims;

		private long lines;

		private long totalFen;

		private long unparsedTotalLine;

		private long trailerLine;

		private String[] trailer;

		Pass(String fileName) {
			this.fileName = fileName;
			this.name = ClaimFileName.parse(fileName).orElse(null);
			this.hospitalCode = (this.name != null) ? this.name.hospitalCode() : null;
		}

		void digest(byte[] bytes, int length) {
			this.sha256.update(bytes, 0, length);
			this.size += length;
		}

		void scan(byte[] bytes, int length) {
			int start = 0;
			for (int i = 0; i < length; i++) {
				byte b = bytes[i];
				if (b == '\n') {
					this.decoder.feed(bytes, start, i - start);
					endLine();
					start = i + 1;
				}
				else if (b != '\r') {
					this.content = true;
				}
			}
			if (start < length) {
				this.decoder.feed(bytes, start, length - start);
				this.lineOpen = true;
			}
		}

		private void endLine() {
			this.lineOpen = false;
			this.lineNo++;
			LineDecoder.DecodedLine line = this.decoder.end();
			if (this.lineNo == 1) {
				header(line);
			}
			else {
				record(line);
			}
		}

		private void header(LineDecoder.DecodedLine line) {
			if (line.tooLong()) {
				add(F_HEADER, 1, "The first line is longer than 4,096 characters, so it is not a header.");
				add(F_RECORD, 1, "Line 1 is longer than 4,096 characters.");
				return;
			}
			if (line.malformed()) {
				add(F_HEADER, 1, "The header (line 1) is not plain ASCII.");
				return;
			}
			String[] f = line.text().split("\\|", -1);
			if (!f[0].equals("H")) {
				add(F_HEADER, 1, "The first line is not a header (H) record.");
				return;
			}
			if (f.length != 6) {
				add(F_HEADER, 1, "The header has " + f.length + " fields; it must have 6.");
				return;
			}
			if (!f[1].equals("MCF1")) {
				add(F_HEADER, 1, "The header's format version '" + f[1] + "' is unknown; it must be MCF1.");
			}
			if (this.name != null) {
				compare(f[2], this.name.hospitalCode(), "hospital code");
				compare(f[3], this.name.fileDateText(), "file date");
				compare(f[4], this.name.seqText(), "sequence number");
			}
			else {
				if (f[2].matches("[A-Z0-9]{4,20}")) {
					this.hospitalCode = f[2];
				}
				else {
					add(F_HEADER, 1, "The header's hospital code '" + f[2] + "' is not 4 to 20 letters A-Z or digits.");
				}
				if (Formats.date(f[3]) == null) {
					add(F_HEADER, 1, "The header's file date '" + f[3] + "' is not a date yyyyMMdd.");
				}
				if (!f[4].matches("[0-9]{3}")) {
					add(F_HEADER, 1, "The header's sequence number '" + f[4] + "' is not three digits.");
				}
			}
			switch (f[5]) {
				case "UTF-8" -> this.charset = StandardCharsets.UTF_8;
				case "GBK" -> this.charset = Charset.forName("GBK");
				default -> add(F_HEADER, 1, "The header's charset '" + f[5] + "' is unknown; it must be UTF-8 or GBK.");
			}
			if (this.charset != null) {
				this.decoder.use(this.charset);
				this.reportEncoding = true;
				if (this.bom && !this.charset.equals(StandardCharsets.UTF_8)) {
					add(F_ENCODING, 1, "The file starts with a UTF-8 byte order mark but declares charset GBK.");
				}
			}
		}

		private void compare(String header, String fromName, String what) {
			if (!header.equals(fromName)) {
				add(F_HEADER, 1, "The header's " + what + " '" + header + "' differs from the file name's '"
						+ fromName + "'.");
			}
		}

		private void record(LineDecoder.DecodedLine line) {
			long n = this.lineNo;
			if (line.malformed() && this.reportEncoding) {
				add(F_ENCODING, n, "Line " + n + " has bytes that are not valid " + this.charset.name() + ".");
			}
			if (line.tooLong()) {
				add(F_RECORD, n, "Line " + n + " is longer than 4,096 characters.");
				return;
			}
			if (this.trailerLine > 0) {
				add(F_RECORD, n, "Line " + n + " comes after the trailer (T) of line " + this.trailerLine + ".");
				return;
			}
			String[] f = line.text().split("\\|", -1);
			switch (f[0]) {
				case "H" -> add(F_RECORD, n, "Line " + n + " is a second header (H).");
				case "C" -> {
					this.seenClaim = true;
					this.claims++;
					if (fieldCount(f, 11)) {
						Money total = Formats.amount(f[9]);
						if (total != null && this.totalFen <= Long.MAX_VALUE - total.fen()) {
							this.totalFen += total.fen();
						}
						else if (this.unparsedTotalLine == 0) {
							this.unparsedTotalLine = n;
						}
					}
					else if (this.unparsedTotalLine == 0) {
						this.unparsedTotalLine = n;
					}
				}
				case "L" -> {
					this.lines++;
					if (!this.seenClaim) {
						add(F_RECORD, n, "Line " + n + " is a line item (L) before any claim (C).");
					}
					fieldCount(f, 7);
				}
				case "T" -> {
					this.trailerLine = n;
					if (fieldCount(f, 4)) {
						this.trailer = f;
					}
				}
				case "" -> add(F_RECORD, n, "Line " + n + " is empty; an empty line is a record of unknown type.");
				default -> add(F_RECORD, n, "Line " + n + " has the unknown record type '" + f[0] + "'.");
			}
		}

		private boolean fieldCount(String[] f, int expected) {
			if (f.length == expected) {
				return true;
			}
			add(F_RECORD, this.lineNo, "Line " + this.lineNo + " has " + f.length + " fields; a " + f[0]
					+ " record has " + expected + ".");
			return false;
		}

		FileValidation finish() {
			if (this.lineOpen) {
				endLine();
			}
			if (!this.content) {
				this.problems.clear();
				this.firstOfCode.clear();
				this.problemCount = 0;
				if (this.name == null) {
					fileName();
				}
				add(F_EMPTY, 0, (this.size == 0) ? "The file is empty (0 bytes)."
						: "The file has no records, only a byte order mark or line breaks.");
				return result();
			}
			if (this.name == null) {
				fileName();
			}
			if (this.hospitalCode != null) {
				Optional<String> problem = ClaimFileValidator.this.hospitals.problem(this.hospitalCode);
				problem.ifPresent(message -> add(F_HOSPITAL, 1, message));
			}
			if (this.trailerLine == 0) {
				add(F_TRAILER, 0, "The file has no trailer (T) record.");
			}
			else if (this.trailer != null) {
				checkTrailer();
			}
			return result();
		}

		private void fileName() {
			add(F_NAME, 0, "The file name '" + this.fileName
					+ "' does not match <hospitalCode>_<yyyyMMdd>_<seq>.clm.");
		}

		private void checkTrailer() {
			int claimCount = Formats.count(this.trailer[1]);
			int lineCount = Formats.count(this.trailer[2]);
			Money total = Formats.amount(this.trailer[3]);
			List<String> differences = new ArrayList<>();
			if (claimCount != this.claims) {
				differences.add("claim count " + this.trailer[1] + " but the file has " + this.claims + " C records");
			}
			if (lineCount != this.lines) {
				differences.add("line count " + this.trailer[2] + " but the file has " + this.lines + " L records");
			}
			if (this.unparsedTotalLine > 0) {
				differences.add("a total, but the C total of line " + this.unparsedTotalLine + " is not an amount");
			}
			else if (total == null || total.fen() != this.totalFen) {
				differences.add("total " + this.trailer[3] + " but the C totals add up to " + Money.ofFen(this.totalFen));
			}
			if (!differences.isEmpty()) {
				add(F_TRAILER_MISMATCH, this.trailerLine,
						"The trailer (T) says " + String.join("; and ", differences) + ".");
			}
		}

		private FileValidation result() {
			List<FileProblem> listed = new ArrayList<>(this.problems);
			for (FileProblem first : this.firstOfCode.values()) {
				if (!listed.contains(first)) {
					listed.add(first);
				}
			}
			return new FileValidation(this.fileName, listed, this.problemCount > listed.size(),
					HexFormat.of().formatHex(this.sha256.digest()), this.charset, this.claims, this.lines,
					Money.ofFen(this.totalFen), this.size);
		}

		private void add(String code, long line, String message) {
			FileProblem problem = new FileProblem(code, line, message);
			this.problemCount++;
			this.firstOfCode.putIfAbsent(code, problem);
			if (this.problems.size() < MAX_PROBLEMS) {
				this.problems.add(problem);
			}
		}

	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256.", ex);
		}
	}

}
