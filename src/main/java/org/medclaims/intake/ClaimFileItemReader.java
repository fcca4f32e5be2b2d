package org.medclaims.intake;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

import org.medclaims.intake.format.ClaimFileReader;
import org.medclaims.intake.format.ParsedClaim;
import org.medclaims.system.Sha256;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the claims of a validated file one at a time. Its position (the index of the next claim)
 * is saved in the chunk's transaction, so a restart opens the file at the first claim not staged.
 */
class ClaimFileItemReader implements ItemStreamReader<ParsedClaim> {

	private final String name;

	private final Path file;

	private final Charset charset;

	private final String sha256;

	private ClaimFileReader reader;

	/** @param sha256 the content that was validated: staging refuses any other */
	ClaimFileItemReader(String name, Path file, Charset charset, String sha256) {
		this.name = name;
		this.file = file;
		this.charset = charset;
		this.sha256 = sha256;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		long position = executionContext.getLong(key(), 0L);
		try {
			// a file replaced under the same name after validation (or while its execution waited for a restart)
			// would be staged unchecked and archived in place of the one validated
			String now = Sha256.of(this.file).hex();
			if (!now.equals(this.sha256)) {
				throw new IntakeFault("The claim file " + this.file + " changed after it was validated (SHA-256 " + now
						+ ", validated " + this.sha256 + "): put the validated file back and restart the execution,"
						+ " or abandon it and send the new file under a new name.");
			}
			this.reader = ClaimFileReader.open(this.file, this.charset, position);
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot open the claim file " + this.file + " at claim " + position + " ("
					+ ex.getMessage() + "): put the file back or fix the disk, then restart the execution.", ex);
		}
	}

	@Override
	public ParsedClaim read() throws IOException {
		return this.reader.read();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		if (this.reader != null) {
			executionContext.putLong(key(), this.reader.position());
		}
	}

	@Override
	public void close() {
		if (this.reader != null) {
			try {
				this.reader.close();
			}
			catch (IOException ex) {
				throw new ItemStreamException("Cannot close " + this.file, ex);
			}
			this.reader = null;
		}
	}

	private String key() {
		return this.name + ".position";
	}

}
