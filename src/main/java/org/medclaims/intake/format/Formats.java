package org.medclaims.intake.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

import org.medclaims.policy.Money;
import org.medclaims.system.CalendarDates;

/**
 * Field formats of claim files; each parser answers null when the text does not match.
 */
final class Formats {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private Formats() {
	}

	/**
	 * Yuan with exactly two decimals, never negative, at most 10 digits before the point.
	 */
	static Money amount(String text) {
		if (!decimal(text, 10, 2, 2)) {
			return null;
		}
		int point = text.length() - 3;
		long fen = Long.parseLong(text.substring(0, point)) * 100 + Long.parseLong(text.substring(point + 1));
		return Money.ofFen(fen);
	}

	/** Two to four decimals. */
	static BigDecimal unitPrice(String text) {
		return decimal(text, 10, 2, 4) ? new BigDecimal(text) : null;
	}

	/**
	 * Up to three decimals; zero passes here (a zero quantity is E_LINE_AMOUNT, not
	 * E_FORMAT).
	 */
	static BigDecimal quantity(String text) {
		return decimal(text, 10, 0, 3) ? new BigDecimal(text) : null;
	}

	/**
	 * A plain decimal integer of at most 9 digits (leading zeros allowed); -1 when it
	 * does not match.
	 */
	static int count(String text) {
		return (text != null && !text.isEmpty() && text.length() <= 9 && digits(text, 0, text.length()))
				? Integer.parseInt(text) : -1;
	}

	/** {@code yyyyMMdd}, a real calendar date. */
	static LocalDate date(String text) {
		if (text == null || text.length() != 8 || !digits(text, 0, 8)) {
			return null;
		}
		return CalendarDates.parse(text, DATE);
	}

	/** {@code [A-Za-z0-9-]{1,32}}. */
	static boolean claimNo(String text) {
		if (text == null || text.isEmpty() || text.length() > 32) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@code [0-9]{1,intDigits}}, then {@code .[0-9]{minDecimals,maxDecimals}}, the point
	 * optional when {@code minDecimals} is 0 (then at least one decimal follows it). Only
	 * ASCII digits count. Checked by hand, not by a regular expression: every field of
	 * every claim file passes here.
	 */
	private static boolean decimal(String text, int intDigits, int minDecimals, int maxDecimals) {
		if (text == null) {
			return false;
		}
		int point = text.indexOf('.');
		int whole = (point < 0) ? text.length() : point;
		if (whole < 1 || whole > intDigits || !digits(text, 0, whole)) {
			return false;
		}
		if (point < 0) {
			return minDecimals == 0;
		}
		int decimals = text.length() - point - 1;
		return decimals >= Math.max(1, minDecimals) && decimals <= maxDecimals
				&& digits(text, point + 1, text.length());
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
