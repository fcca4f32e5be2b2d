package org.medclaims.intake.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

import org.medclaims.policy.Money;
import org.medclaims.policy.YuanFormat;
import org.medclaims.system.CalendarDates;

/**
 * Field formats of claim files; each parser answers null when the text does not match.
 */
final class Formats {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private Formats() {
	}

	/** An amount ({@link YuanFormat#AMOUNT}). */
	static Money amount(String text) {
		return YuanFormat.AMOUNT.matches(text) ? Money.parse(text) : null;
	}

	/** A claim file's unit price ({@link YuanFormat#FILE_UNIT_PRICE}). */
	static BigDecimal unitPrice(String text) {
		return YuanFormat.FILE_UNIT_PRICE.parse(text);
	}

	/**
	 * A quantity ({@link YuanFormat#QUANTITY}); zero passes here (a zero quantity is
	 * E_LINE_AMOUNT, not E_FORMAT).
	 */
	static BigDecimal quantity(String text) {
		return YuanFormat.QUANTITY.parse(text);
	}

	/**
	 * A plain decimal integer of at most 9 digits (leading zeros allowed); -1 when it
	 * does not match.
	 */
	static int count(String text) {
		return (text != null && !text.isEmpty() && text.length() <= 9 && YuanFormat.digits(text, 0, text.length()))
				? Integer.parseInt(text) : -1;
	}

	/** {@code yyyyMMdd}, a real calendar date. */
	static LocalDate date(String text) {
		if (text == null || text.length() != 8 || !YuanFormat.digits(text, 0, 8)) {
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

}
