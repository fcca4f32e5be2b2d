package org.medclaims.intake.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes one line at a time from byte chunks with a reporting decoder, keeping at most
 * {@link #KEPT_CHARS} characters: memory stays bounded however long the line.
 */
final class LineDecoder {

	static final int MAX_LINE_CHARS = 4096;

	// two chars per code point at most, plus a CR: beyond this a line surely is too long
	static final int KEPT_CHARS = 2 * MAX_LINE_CHARS + 2;

	private final ByteBuffer pending = ByteBuffer.allocate(8192);

	private final CharBuffer kept = CharBuffer.allocate(KEPT_CHARS);

	private final CharBuffer scratch = CharBuffer.allocate(4096);

	private CharsetDecoder decoder;

	private boolean overflowed;

	private boolean malformed;

	LineDecoder(Charset charset) {
		use(charset);
	}

	/** Decodes the following lines with this charset. */
	void use(Charset charset) {
		this.decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	void feed(byte[] bytes, int offset, int length) {
		while (length > 0) {
			int n = Math.min(length, this.pending.remaining());
			this.pending.put(bytes, offset, n);
			offset += n;
			length -= n;
			if (!this.pending.hasRemaining()) {
				drain(false);
			}
		}
	}

	/**
	 * Ends the line: its text without a final CR, or null when longer than
	 * {@value #MAX_LINE_CHARS}.
	 */
	DecodedLine end() {
		drain(true);
		while (this.decoder.flush(out()).isOverflow()) {
			overflow();
		}
		String text = null;
		if (!this.overflowed) {
			this.kept.flip();
			text = this.kept.toString();
			if (text.endsWith("\r")) {
				text = text.substring(0, text.length() - 1);
			}
			if (text.codePointCount(0, text.length()) > MAX_LINE_CHARS) {
				text = null;
			}
		}
		DecodedLine line = new DecodedLine(text, this.malformed);
		this.kept.clear();
		this.decoder.reset();
		this.overflowed = false;
		this.malformed = false;
		return line;
	}

	private void drain(boolean endOfInput) {
		this.pending.flip();
		while (true) {
			CoderResult result = this.decoder.decode(this.pending, out(), endOfInput);
			if (result.isUnderflow()) {
				break;
			}
			if (result.isOverflow()) {
				overflow();
			}
			else {
				this.malformed = true;
				this.pending.position(this.pending.position() + result.length());
			}
		}
		this.pending.compact();
	}

	private CharBuffer out() {
		return this.overflowed ? this.scratch : this.kept;
	}

	private void overflow() {
		this.overflowed = true;
		this.scratch.clear();
	}

	/**
	 * @param text null when the line is too long
	 * @param malformed bytes not valid in the charset were met
	 */
	record DecodedLine(String text, boolean malformed) {

		boolean tooLong() {
			return this.text == null;
		}

	}

}
