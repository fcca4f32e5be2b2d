package org.medclaims.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.medclaims.policy.Money;
import org.medclaims.policy.YuanFormat;
import org.medclaims.system.CalendarDates;
import org.medclaims.system.PersonIds;

/**
 * One data row of a reference CSV with typed, validating accessors: every problem is
 * collected with its column, so a bad row is reported once with all its reasons.
 */
final class CsvRow {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,6})?");

	private final CSVRecord record;

	private final long line;

	private final List<String> problems = new ArrayList<>();

	CsvRow(CSVRecord record, long line) {
		this.record = record;
		this.line = line;
	}

	long line() {
		return this.line;
	}

	List<String> problems() {
		return this.problems;
	}

	boolean isValid() {
		return this.problems.isEmpty();
	}

	void problem(String reason) {
		this.problems.add(reason);
	}

	String text(String column) {
		String value = raw(column);
		if (value.isEmpty()) {
			problem(column + " is empty");
		}
		return value;
	}

	/** A text that must fit its column. */
	String code(String column, int maxLength) {
		String value = text(column);
		if (value.length() > maxLength) {
			problem(column + " is longer than " + maxLength + " characters");
		}
		return value;
	}

	/** An optional unit price in yuan, with at most four decimals. */
	BigDecimal optionalPrice(String column) {
		String value = raw(column);
		if (value.isEmpty()) {
			return null;
		}
		// the column keeps four decimals, never rounding
		if (!YuanFormat.PRICE.matches(value)) {
			problem(column + " '" + value + "' is not a price in yuan with at most four decimals");
			return null;
		}
		return new BigDecimal(value);
	}

	String personId(String column) {
		String value = raw(column);
		if (!PersonIds.isValid(value)) {
			problem(column + " '" + PersonIds.mask(value)
					+ "' is not a valid 18-character resident ID (check character)");
		}
		return value;
	}

	<E extends Enum<E>> E enumValue(String column, Class<E> type) {
		String value = raw(column);
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			problem(column + " '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
			return null;
		}
	}

	boolean bool(String column) {
		String value = raw(column);
		if (!value.equals("true") && !value.equals("false")) {
			problem(column + " '" + value + "' is not true or false");
		}
		return Boolean.parseBoolean(value);
	}

	LocalDate date(String column) {
		String value = raw(column);
		LocalDate date = CalendarDates.parse(value, DATE);
		if (date == null) {
			problem(column + " '" + value + "' is not a date yyyy-MM-dd");
		}
		return date;
	}

	LocalDate optionalDate(String column) {
		return raw(column).isEmpty() ? null : date(column);
	}

	Money money(String column) {
		String value = raw(column);
		if (!YuanFormat.AMOUNT.matches(value)) {
			problem(column + " '" + value + "' is not an amount in yuan with two decimals");
			return Money.ZERO;
		}
		return Money.parse(value);
	}

	BigDecimal ratio(String column) {
		BigDecimal value = decimal(column);
		if (value != null && value.compareTo(BigDecimal.ONE) > 0) {
			problem(column + " '" + value.toPlainString() + "' is above 1");
		}
		return value;
	}

	private BigDecimal decimal(String column) {
		String value = raw(column);
		if (!DECIMAL.matcher(value).matches()) {
			problem(column + " '" + value + "' is not a non-negative decimal number");
			return null;
		}
		return new BigDecimal(value);
	}

	void period(LocalDate from, LocalDate to) {
		if (from != null && to != null && to.isBefore(from)) {
			problem("validTo " + to + " is before validFrom " + from);
		}
	}

	private String raw(String column) {
		return this.record.isSet(column) ? this.record.get(column).trim() : "";
	}

}
