package org.medclaims.intake.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import org.medclaims.policy.Money;
import org.medclaims.system.CalendarDates;

/** Field formats of claim files; each parser answers null when the text does not match. */
final class Formats {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	// [0-9] and not \d: only ASCII digits count as digits
	private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,10}\\.[0-9]{2}");

	private static final Pattern UNIT_PRICE = Pattern.compile("[0-9]{1,10}\\.[0-9]{2,4}");

	private static final Pattern QUANTITY = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,3})?");

	private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

	private static final Pattern DATE_DIGITS = Pattern.compile("[0-9]{8}");

	private static final Pattern CLAIM_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");

	private Formats() {
	}

	/** Yuan with exactly two decimals, never negative, at most 10 digits before the point. */
	static Money amount(String text) {
		if (text == null || !AMOUNT.matcher(text).matches()) {
			return null;
		}
		int point = text.length() - 3;
		long fen = Long.parseLong(text.substring(0, point)) * 100 + Long.parseLong(text.substring(point + 1));
		return Money.ofFen(fen);
	}

	/** Two to four decimals. */
	static BigDecimal unitPrice(String text) {
		return (text != null && UNIT_PRICE.matcher(text).matches()) ? new BigDecimal(text) : null;
	}

	/** Up to three decimals; zero passes here (a zero quantity is E_LINE_AMOUNT, not E_FORMAT). */
	static BigDecimal quantity(String text) {
		return (text != null && QUANTITY.matcher(text).matches()) ? new BigDecimal(text) : null;
	}

	/** A plain decimal integer of at most 9 digits (leading zeros allowed); -1 when it does not match. */
	static int count(String text) {
		return (text != null && COUNT.matcher(text).matches()) ? Integer.parseInt(text) : -1;
	}

	/** {@code yyyyMMdd}, a real calendar date. */
	static LocalDate date(String text) {
		if (text == null || !DATE_DIGITS.matcher(text).matches()) {
			return null;
		}
		return CalendarDates.parse(text, DATE);
	}

	static boolean claimNo(String text) {
		return text != null && CLAIM_NO.matcher(text).matches();
	}

}
