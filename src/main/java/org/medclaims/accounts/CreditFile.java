package org.medclaims.accounts;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.medclaims.policy.AccountCredit;
import org.medclaims.policy.Money;
import org.medclaims.policy.YuanFormat;
import org.medclaims.system.PersonIds;

/**
 * A credits file of the contribution system (accounts.md): UTF-8 CSV, RFC 4180, the
 * header {@code personId,month,amount}, one credit per row. Streams its rows with
 * everything wrong in each.
 */
final class CreditFile implements Closeable {

	static final List<String> HEADER = List.of("personId", "month", "amount");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
		.withResolverStyle(ResolverStyle.STRICT);

	private final String name;

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private long nextLine;

	private CreditFile(String name, CSVParser parser) {
		this.name = name;
		this.parser = parser;
		this.records = parser.iterator();
		this.nextLine = parser.getCurrentLineNumber() + 1;
	}

	/**
	 * Opens the file at its first row; {@link Unreadable} when it has no such header or
	 * is no UTF-8 CSV.
	 */
	static CreditFile open(Path file) throws IOException {
		String name = file.getFileName().toString();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		Reader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
		CSVParser parser;
		try {
			parser = CSVParser.builder().setReader(reader).setFormat(format).get();
		}
		catch (UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			reader.close();
			throw new Unreadable(name + ":1: cannot be read as UTF-8 CSV with one header row (" + reason(ex) + ")");
		}
		if (!parser.getHeaderNames().equals(HEADER)) {
			parser.close();
			throw new Unreadable(name + ":1: the header must be " + String.join(",", HEADER) + " but is "
					+ String.join(",", parser.getHeaderNames()));
		}
		return new CreditFile(name, parser);
	}

	String name() {
		return this.name;
	}

	/** The next row, or null at the end of the file. */
	Row next() {
		try {
			if (!this.records.hasNext()) {
				return null;
			}
			CSVRecord record = this.records.next();
			long line = this.nextLine;
			// a record starts on the line after the one where the previous record ended
			this.nextLine = this.parser.getCurrentLineNumber() + 1;
			return parse(record, line);
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw new Unreadable(
					this.name + ":" + this.nextLine + ": cannot be read as UTF-8 CSV (" + reason(ex) + ")");
		}
	}

	private static Row parse(CSVRecord record, long line) {
		List<String> problems = new ArrayList<>();
		if (record.size() != HEADER.size()) {
			problems.add("has " + record.size() + " fields, the header " + HEADER.size());
		}
		String personId = field(record, 0);
		if (!PersonIds.isValid(personId)) {
			problems.add("personId '" + PersonIds.mask(personId) + "' is not a valid 18-character resident ID"
					+ " (check character)");
		}
		String monthText = field(record, 1);
		YearMonth month = null;
		try {
			month = YearMonth.parse(monthText, MONTH);
		}
		catch (DateTimeParseException ex) {
			problems.add("month '" + monthText + "' is not a month yyyy-MM");
		}
		String amountText = field(record, 2);
		Money amount = null;
		if (!YuanFormat.AMOUNT.matches(amountText)) {
			problems.add("amount '" + amountText + "' is not an amount in yuan with two decimals");
		}
		else {
			amount = Money.parse(amountText);
			if (!amount.isPositive()) {
				problems.add("amount " + amount + " is not greater than 0");
			}
			else if (!AccountCredit.isCreditable(amount)) {
				problems.add("amount " + amount + " is above " + AccountCredit.MAX);
			}
		}
		AccountCredit credit = problems.isEmpty() ? new AccountCredit(personId, month, amount) : null;
		return new Row(line, personId, credit, problems);
	}

	private static String field(CSVRecord record, int index) {
		return index < record.size() ? record.get(index).trim() : "";
	}

	@Override
	public void close() throws IOException {
		this.parser.close();
	}

	private static Reader withoutBom(Reader reader) throws IOException {
		PushbackReader pushback = new PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

	private static String reason(RuntimeException ex) {
		Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
		return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	/**
	 * One row of the file.
	 *
	 * @param personId as written, for the problems of rows that are no credit
	 * @param credit null when the row has problems
	 */
	record Row(long line, String personId, AccountCredit credit, List<String> problems) {
	}

	/**
	 * The file cannot be read as a credits file at all: one {@code file:line: reason}.
	 */
	static final class Unreadable extends RuntimeException {

		Unreadable(String problem) {
			super(problem);
		}

	}

}
