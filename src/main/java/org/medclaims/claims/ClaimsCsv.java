package org.medclaims.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.medclaims.policy.Money;
import org.medclaims.system.PageFormats;

/**
 * Claims as CSV (RFC 4180), one row per claim in the search's order: codes as the API
 * gives them, amounts in yuan with two decimals and no separators, times in
 * {@code medclaims.time-zone}.
 */
public final class ClaimsCsv {

	/** The columns, named as in the API's JSON. */
	public static final List<String> COLUMNS = List.of("hospitalCode", "hospitalName", "claimNo", "source", "fileName",
			"patientId", "patientName", "visitType", "startDate", "endDate", "total", "status", "rejectCode", "fund",
			"currentAccount", "historicalAccount", "familyAccount", "cash", "settledAt");

	private final CSVPrinter printer;

	private final PageFormats formats;

	/**
	 * @param header the column names to write first (the API's, or a page's translation
	 * of them)
	 */
	public ClaimsCsv(Writer out, PageFormats formats, List<String> header) throws IOException {
		this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
		this.formats = formats;
	}

	/**
	 * Writes one claim; an I/O failure (the client went away) is unchecked, so it ends
	 * the query too.
	 */
	public void write(ClaimRow c) {
		try {
			this.printer.printRecord(c.hospitalCode(), c.hospitalName(), c.claimNo(), c.source(), c.fileName(),
					c.patientId(), c.patientName(), c.visitType(), c.startDate(), c.endDate(), yuan(c.total()),
					c.status(), c.rejectCode(), yuan(c.fund()), yuan(c.currentAccount()), yuan(c.historicalAccount()),
					yuan(c.familyAccount()), yuan(c.cash()), this.formats.time(c.settledAt()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void flush() throws IOException {
		this.printer.flush();
	}

	private static String yuan(Money money) {
		return money == null ? null : money.toString();
	}

	/** The header a page's export writes: each column's label in the page's language. */
	public static List<String> header(Function<String, String> label) {
		return COLUMNS.stream().map(label).toList();
	}

}
