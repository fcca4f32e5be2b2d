package org.medclaims.intake.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.medclaims.policy.Money;
import org.medclaims.system.Sha256;

import static org.medclaims.intake.format.FileProblem.F_EMPTY;
import static org.medclaims.intake.format.FileProblem.F_ENCODING;
import static org.medclaims.intake.format.FileProblem.F_HEADER;
import static org.medclaims.intake.format.FileProblem.F_HOSPITAL;
import static org.medclaims.intake.format.FileProblem.F_NAME;
import static org.medclaims.intake.format.FileProblem.F_RECORD;
import static org.medclaims.intake.format.FileProblem.F_TRAILER;
import static org.medclaims.intake.format.FileProblem.F_TRAILER_MISMATCH;

/**
 * Reads a claim file once, checking it at file level (F_NAME to F_TRAILER_MISMATCH) while
 * it hands out its claims one at a time, in file order, and computes its SHA-256 on the
 * way: validation and staging share one parse. Memory does not depend on the file: lines
 * are decoded in chunks and at most {@value LineDecoder#KEPT_CHARS} characters of a line
 * are kept.
 * <p>
 * Claims are handed out whatever the file-level verdict, which is known only at the end
 * ({@link #validation()}); {@link #problemFound()} tells a caller early that the file
 * will be rejected. A file is empty (F_EMPTY) when it has zero bytes or nothing but an
 * optional UTF-8 BOM and line breaks (CR, LF): then no other problem but F_NAME is
 * reported. F_DUPLICATE and F_SEQUENCE need the database: the caller adds them with
 * {@link FileValidation#withProblem}.
 */
public final class ClaimFileScanner implements AutoCloseable {

	/** More problems are counted but not listed; the first of each code always is. */
	public static final int MAX_PROBLEMS = 1000;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final InputStream in;

	private final HospitalCheck hospitals;

	private final byte[] buffer = new byte[64 * 1024];

	private boolean started;

	private boolean ended;

	private FileValidation validation;

	private final Deque<ParsedClaim> ready = new ArrayDeque<>();

	// the claim being read: its C record's fields and line, and its L records so far
	private String[] claimFields;

	private long claimLineNo;

	private List<ParsedLine> claimLines;

	private long claimsHandedOut;

	private final String fileName;

	private final ClaimFileName name;

	private final MessageDigest sha256 = Sha256.newDigest();

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

	private ClaimFileScanner(InputStream in, String fileName, HospitalCheck hospitals) {
		this.in = in;
		this.hospitals = Objects.requireNonNull(hospitals, "hospitals");
		this.fileName = fileName;
		this.name = ClaimFileName.parse(fileName).orElse(null);
		this.hospitalCode = (this.name != null) ? this.name.hospitalCode() : null;
	}

	/**
	 * Opens {@code file} to be read as if it were named {@code fileName} (a download kept
	 * under another name).
	 */
	public static ClaimFileScanner open(Path file, String fileName, HospitalCheck hospitals) throws IOException {
		return new ClaimFileScanner(Files.newInputStream(file), fileName, hospitals);
	}

	/** Reads a whole file and answers its file-level verdict. */
	public static FileValidation validate(Path file, String fileName, HospitalCheck hospitals) throws IOException {
		try (ClaimFileScanner scanner = open(file, fileName, hospitals)) {
			while (scanner.next() != null) {
				// every claim is read only for its records' checks
			}
			return scanner.validation();
		}
	}

	/**
	 * The next claim in file order, or null at the end of the file. Its records have the
	 * field counts of their type; their values are unchecked (ClaimChecks does that).
	 */
	public ParsedClaim next() throws IOException {
		while (this.ready.isEmpty() && !this.ended) {
			readMore();
		}
		return this.ready.poll();
	}

	/**
	 * Reads past the next {@code count} claims, checking them as {@link #next()} does;
	 * false when the file ended first.
	 */
	public boolean skip(long count) throws IOException {
		for (long i = 0; i < count; i++) {
			if (next() == null) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a file-level problem was found so far: the file will be rejected, whatever
	 * follows.
	 */
	public boolean problemFound() {
		return this.problemCount > 0;
	}

	/** The file's verdict, once {@link #next()} has answered null. */
	public FileValidation validation() {
		if (this.validation == null) {
			throw new IllegalStateException("The file's verdict is known at its end: read every claim first.");
		}
		return this.validation;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private void readMore() throws IOException {
		if (!this.started) {
			this.started = true;
			int n = this.in.readNBytes(this.buffer, 0, BOM.length);
			digest(this.buffer, n);
			this.bom = n == BOM.length && this.buffer[0] == BOM[0] && this.buffer[1] == BOM[1]
					&& this.buffer[2] == BOM[2];
			if (!this.bom) {
				scan(this.buffer, n);
			}
			return;
		}
		int n = this.in.read(this.buffer);
		if (n == -1) {
			this.validation = finish();
			this.ended = true;
			return;
		}
		digest(this.buffer, n);
		scan(this.buffer, n);
	}

	private void digest(byte[] bytes, int length) {
		this.sha256.update(bytes, 0, length);
		this.size += length;
	}

	private void scan(byte[] bytes, int length) {
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
		String[] f = ClaimFileLayout.fields(line.text());
		if (!f[0].equals("H")) {
			add(F_HEADER, 1, "The first line is not a header (H) record.");
			return;
		}
		if (f.length != ClaimFileLayout.HEADER_FIELDS) {
			add(F_HEADER, 1,
					"The header has " + f.length + " fields; it must have " + ClaimFileLayout.HEADER_FIELDS + ".");
			return;
		}
		if (!f[1].equals(ClaimFileLayout.FORMAT)) {
			add(F_HEADER, 1, "The header's format version '" + f[1] + "' is unknown; it must be "
					+ ClaimFileLayout.FORMAT + ".");
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
			add(F_HEADER, 1,
					"The header's " + what + " '" + header + "' differs from the file name's '" + fromName + "'.");
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
		String[] f = ClaimFileLayout.fields(line.text());
		switch (f[0]) {
			case "H" -> add(F_RECORD, n, "Line " + n + " is a second header (H).");
			case "C" -> {
				this.seenClaim = true;
				this.claims++;
				endClaim();
				if (fieldCount(f, ClaimFileLayout.CLAIM_FIELDS)) {
					this.claimFields = f;
					this.claimLineNo = n;
					this.claimLines = new ArrayList<>();
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
				if (fieldCount(f, ClaimFileLayout.LINE_FIELDS) && this.claimFields != null) {
					this.claimLines.add(new ParsedLine(n, f[1], f[2], f[3], f[4], f[5], f[6]));
				}
			}
			case "T" -> {
				endClaim();
				this.trailerLine = n;
				if (fieldCount(f, ClaimFileLayout.TRAILER_FIELDS)) {
					this.trailer = f;
				}
			}
			case "" -> add(F_RECORD, n, "Line " + n + " is empty; an empty line is a record of unknown type.");
			default -> add(F_RECORD, n, "Line " + n + " has the unknown record type '" + f[0] + "'.");
		}
	}

	// the claim read so far is complete: handed out
	private void endClaim() {
		if (this.claimFields != null) {
			String[] c = this.claimFields;
			this.ready.add(new ParsedClaim(this.claimsHandedOut++, this.claimLineNo, c[1], c[2], c[3], c[4], c[5], c[6],
					c[7], c[8], c[9], c[10], this.claimLines));
			this.claimFields = null;
			this.claimLines = null;
		}
	}

	private boolean fieldCount(String[] f, int expected) {
		if (f.length == expected) {
			return true;
		}
		add(F_RECORD, this.lineNo,
				"Line " + this.lineNo + " has " + f.length + " fields; a " + f[0] + " record has " + expected + ".");
		return false;
	}

	private FileValidation finish() {
		if (this.lineOpen) {
			endLine();
		}
		endClaim();
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
			Optional<String> problem = this.hospitals.problem(this.hospitalCode);
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
		add(F_NAME, 0, "The file name '" + this.fileName + "' does not match <hospitalCode>_<yyyyMMdd>_<seq>.clm.");
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
		return new FileValidation(this.fileName, listed, this.problemCount > listed.size(), Sha256.hex(this.sha256),
				this.charset, this.claims, this.lines, Money.ofFen(this.totalFen), this.size);
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
