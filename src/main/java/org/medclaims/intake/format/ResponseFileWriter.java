package org.medclaims.intake.format;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Iterator;

import org.medclaims.policy.Money;

/**
 * Writes a response file ({@code MCR1}) row by row: one {@code R} per claim in file
 * order, then on {@link #finish()} the {@code T} and the atomic rename. Closed
 * unfinished, nothing appears.
 */
public final class ResponseFileWriter implements AutoCloseable {

	private final AtomicTextFile file;

	private long claims;

	private long settled;

	private Money total = Money.ZERO;

	private Money fund = Money.ZERO;

	private Money currentAccount = Money.ZERO;

	private Money historicalAccount = Money.ZERO;

	private Money familyAccount = Money.ZERO;

	private Money cash = Money.ZERO;

	private ResponseFileWriter(AtomicTextFile file) {
		this.file = file;
	}

	/**
	 * Starts {@code target} (e.g. {@code H330282001_20140210_001.res}) with its header.
	 * @param sourceFileName the claim file answered
	 */
	public static ResponseFileWriter open(Path target, String hospitalCode, String sourceFileName,
			OffsetDateTime processedAt) throws IOException {
		AtomicTextFile file = new AtomicTextFile(target);
		try {
			file.record("H", "MCR1", hospitalCode, sourceFileName, AtomicTextFile.timestamp(processedAt));
		}
		catch (IOException | RuntimeException ex) {
			file.close();
			throw ex;
		}
		return new ResponseFileWriter(file);
	}

	/** Writes a whole response file from rows in file order. */
	public static void write(Path target, String hospitalCode, String sourceFileName, OffsetDateTime processedAt,
			Iterator<ResponseRow> rows) throws IOException {
		try (ResponseFileWriter writer = open(target, hospitalCode, sourceFileName, processedAt)) {
			while (rows.hasNext()) {
				writer.write(rows.next());
			}
			writer.finish();
		}
	}

	public void write(ResponseRow row) throws IOException {
		this.file.record("R", row.claimNo(), row.status(), s(row.total()), s(row.selfPay()), s(row.selfPayFirst()),
				s(row.deductible()), s(row.segment()), s(row.coinsurance()), s(row.overCap()), s(row.fund()),
				s(row.currentAccount()), s(row.historicalAccount()), s(row.familyAccount()), s(row.cash()),
				String.join(",", row.codes()), row.message());
		this.claims++;
		if (row.settled()) {
			this.settled++;
			this.total = this.total.plus(row.total());
			this.fund = this.fund.plus(row.fund());
			this.currentAccount = this.currentAccount.plus(row.currentAccount());
			this.historicalAccount = this.historicalAccount.plus(row.historicalAccount());
			this.familyAccount = this.familyAccount.plus(row.familyAccount());
			this.cash = this.cash.plus(row.cash());
		}
	}

	/**
	 * Writes the trailer (sums of SETTLED rows, counts of all) and publishes the file.
	 */
	public void finish() throws IOException {
		this.file.record("T", Long.toString(this.claims), Long.toString(this.settled),
				Long.toString(this.claims - this.settled), s(this.total), s(this.fund), s(this.currentAccount),
				s(this.historicalAccount), s(this.familyAccount), s(this.cash));
		this.file.commit();
	}

	@Override
	public void close() throws IOException {
		this.file.close();
	}

	private static String s(Money amount) {
		return amount.toString();
	}

}
