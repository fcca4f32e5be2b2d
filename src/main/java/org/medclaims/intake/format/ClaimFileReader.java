package org.medclaims.intake.format;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the claims of a file that passed {@link ClaimFileValidator}, one at a time in file
 * order. Opened at a claim position, it streams past the claims before it without parsing
 * them, so a restarted job resumes where it stopped.
 */
public final class ClaimFileReader implements AutoCloseable {

	private final Reader in;

	private final char[] buffer = new char[8192];

	private int pos;

	private int limit;

	private final StringBuilder line = new StringBuilder(256);

	private long lineNo;

	private String[] pendingClaim;

	private long pendingLineNo;

	private long position;

	private boolean ended;

	private ClaimFileReader(Reader in) {
		this.in = in;
	}

	/** Opens the file at its first claim; {@code charset} is the one the validation found. */
	public static ClaimFileReader open(Path file, Charset charset) throws IOException {
		return open(file, charset, 0);
	}

	/** Opens the file so that the next claim read is the one at {@code position} (0-based). */
	public static ClaimFileReader open(Path file, Charset charset, long position) throws IOException {
		ClaimFileReader reader = new ClaimFileReader(new InputStreamReader(Files.newInputStream(file), charset));
		try {
			reader.skipTo(position);
		}
		catch (IOException | RuntimeException ex) {
			reader.close();
			throw ex;
		}
		return reader;
	}

	/** The position of the claim the next {@link #read()} returns. */
	public long position() {
		return this.position;
	}

	/** The next claim, or null at the end of the file. */
	public ParsedClaim read() throws IOException {
		if (this.pendingClaim == null && !advanceToClaim()) {
			return null;
		}
		String[] c = this.pendingClaim;
		long cLine = this.pendingLineNo;
		this.pendingClaim = null;
		List<ParsedLine> lines = new ArrayList<>();
		String text;
		while ((text = readLine()) != null) {
			String[] f = fields(text);
			if (f[0].equals("L")) {
				lines.add(new ParsedLine(this.lineNo, f[1], f[2], f[3], f[4], f[5], f[6]));
			}
			else if (f[0].equals("C")) {
				this.pendingClaim = f;
				this.pendingLineNo = this.lineNo;
				break;
			}
			else {
				this.ended = true;
				break;
			}
		}
		return new ParsedClaim(this.position++, cLine, c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
				lines);
	}

	private void skipTo(long target) throws IOException {
		String header = readLine();
		if (header != null && header.startsWith("\uFEFF")) {
			header = header.substring(1);
		}
		if (header == null || !header.startsWith("H|")) {
			throw new IllegalStateException("The file does not start with a header; validate it before reading.");
		}
		while (this.position < target && advanceToClaim()) {
			this.pendingClaim = null;
			this.position++;
		}
	}

	// reads on to the next C record and holds it; false at the trailer or the end
	private boolean advanceToClaim() throws IOException {
		if (this.ended) {
			return false;
		}
		String text;
		while ((text = readLine()) != null) {
			if (text.startsWith("C|")) {
				this.pendingClaim = fields(text);
				this.pendingLineNo = this.lineNo;
				return true;
			}
			if (!text.startsWith("L|")) {
				break;
			}
		}
		this.ended = true;
		return false;
	}

	private String[] fields(String text) {
		String[] f = text.split("\\|", -1);
		int expected = switch (f[0]) {
			case "C" -> 11;
			case "L" -> 7;
			case "T" -> 4;
			default -> -1;
		};
		if (f.length != expected) {
			throw new IllegalStateException("Line " + this.lineNo + " is not a valid record; validate the file before reading.");
		}
		return f;
	}

	// lines end in LF or CRLF; a lone CR is part of the line, as in the validator
	private String readLine() throws IOException {
		this.line.setLength(0);
		while (true) {
			if (this.pos == this.limit) {
				this.limit = this.in.read(this.buffer);
				this.pos = 0;
				if (this.limit <= 0) {
					this.limit = 0;
					return (this.line.length() > 0) ? take() : null;
				}
			}
			char c = this.buffer[this.pos++];
			if (c == '\n') {
				return take();
			}
			if (this.line.length() > LineDecoder.KEPT_CHARS) {
				throw new IllegalStateException("Line " + (this.lineNo + 1) + " is too long; validate the file before reading.");
			}
			this.line.append(c);
		}
	}

	private String take() {
		this.lineNo++;
		int length = this.line.length();
		if (length > 0 && this.line.charAt(length - 1) == '\r') {
			this.line.setLength(length - 1);
		}
		return this.line.toString();
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
