package org.medclaims.policy;

import java.math.BigDecimal;

/**
 * How yuan are written in claim files, registry files, credit files and the API, one
 * definition per kind of field (claim-files.md): at most {@value #INTEGER_DIGITS} digits
 * before the point, ASCII digits only, never a sign.
 */
public enum YuanFormat {

	/** An amount: exactly two decimals, {@code 12.30}. */
	AMOUNT(2, 2),

	/** A unit price in a claim file: two to four decimals. */
	FILE_UNIT_PRICE(2, 4),

	/**
	 * A price whose decimals may be left out (the desk's unit price, the catalog's
	 * maximum): up to four.
	 */
	PRICE(0, 4),

	/** A quantity: up to three decimals. */
	QUANTITY(0, 3);

	/** Digits before the point, at most. */
	public static final int INTEGER_DIGITS = 10;

	private final int minDecimals;

	private final int maxDecimals;

	YuanFormat(int minDecimals, int maxDecimals) {
		this.minDecimals = minDecimals;
		this.maxDecimals = maxDecimals;
	}

	/**
	 * Whether {@code text} is written so; the point, when decimals may be left out, is
	 * followed by at least one. Checked by hand, not by a regular expression: every field
	 * of every claim file passes here.
	 */
	public boolean matches(String text) {
		if (text == null) {
			return false;
		}
		int point = text.indexOf('.');
		int whole = (point < 0) ? text.length() : point;
		if (whole < 1 || whole > INTEGER_DIGITS || !digits(text, 0, whole)) {
			return false;
		}
		if (point < 0) {
			return this.minDecimals == 0;
		}
		int decimals = text.length() - point - 1;
		return decimals >= Math.max(1, this.minDecimals) && decimals <= this.maxDecimals
				&& digits(text, point + 1, text.length());
	}

	/** The value, or null when {@code text} is not written so. */
	public BigDecimal parse(String text) {
		return matches(text) ? new BigDecimal(text) : null;
	}

	/**
	 * Whether the characters from {@code from} to {@code to} are ASCII digits, and only
	 * those.
	 */
	public static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
