package org.medclaims.accounts;

import java.io.IOException;
import java.nio.file.Path;

import org.medclaims.policy.AccountCredit;
import org.medclaims.system.OperatorMistake;
import org.medclaims.system.Sha256;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the credits of a checked file one row at a time. Its position is saved in the
 * chunk's transaction, so a restart goes on at the first row not credited.
 */
class CreditFileItemReader implements ItemStreamReader<AccountCredit> {

	private final String name;

	private final Path file;

	private final String sha256;

	private CreditFile credits;

	private long position;

	/**
	 * @param sha256 the content that was checked: crediting refuses any other
	 */
	CreditFileItemReader(String name, Path file, String sha256) {
		this.name = name;
		this.file = file;
		this.sha256 = sha256;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.position = executionContext.getLong(key(), 0L);
		try {
			String now = Sha256.of(this.file).hex();
			if (!now.equals(this.sha256)) {
				throw new OperatorMistake("The credits file " + this.file + " changed after it was checked: put the"
						+ " checked file back and restart the execution, or import the new file with credit-accounts.");
			}
			this.credits = CreditFile.open(this.file);
			for (long skipped = 0; skipped < this.position; skipped++) {
				this.credits.next();
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot open the credits file " + this.file + " (" + ex.getMessage()
					+ "): put the file back or fix the disk, then restart the execution.", ex);
		}
	}

	@Override
	public AccountCredit read() {
		CreditFile.Row row = this.credits.next();
		if (row == null) {
			return null;
		}
		if (row.credit() == null) {
			// the check read the same bytes: only a bug could bring us here
			throw new IllegalStateException(this.file.getFileName() + ":" + row.line() + " has bad values although the"
					+ " file was checked: " + String.join("; ", row.problems()));
		}
		this.position++;
		return row.credit();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		executionContext.putLong(key(), this.position);
	}

	@Override
	public void close() {
		if (this.credits != null) {
			try {
				this.credits.close();
			}
			catch (IOException ex) {
				throw new ItemStreamException("Cannot close " + this.file, ex);
			}
			this.credits = null;
		}
	}

	private String key() {
		return this.name + ".position";
	}

}
