package org.medclaims.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} (text format), sent through PgJDBC's
 * CopyManager on the caller's transactional connection: bulk rows without a statement per
 * row, several times faster than batched INSERTs (measured in bench/RESULTS.md).
 */
public final class CopyRows {

	private final String copy;

	private final StringBuilder text = new StringBuilder(1 << 16);

	private boolean rowStarted;

	private int rows;

	/**
	 * @param table the table, followed by its column list, e.g.
	 * {@code claim_line (claim_id, position)}
	 */
	public CopyRows(String table) {
		this.copy = "COPY " + table + " FROM STDIN";
	}

	/** The next column of the current row; null is SQL NULL. */
	public CopyRows add(Object value) {
		separate();
		if (value == null) {
			this.text.append("\\N");
		}
		else {
			escape(value.toString());
		}
		return this;
	}

	public CopyRows add(long value) {
		separate();
		this.text.append(value);
		return this;
	}

	public CopyRows endRow() {
		this.text.append('\n');
		this.rowStarted = false;
		this.rows++;
		return this;
	}

	public int rows() {
		return this.rows;
	}

	/** Sends the rows; returns how many PostgreSQL stored. */
	public long copy(JdbcOperations jdbc) {
		if (this.rows == 0) {
			return 0;
		}
		Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
			try {
				// bytes, not a Reader: PgJDBC encodes a Reader 64K chars at a time and
				// breaks a surrogate pair
				// (a rare Chinese character in a name) that straddles two pieces into
				// "??"
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn(this.copy, new ByteArrayInputStream(this.text.toString().getBytes(StandardCharsets.UTF_8)));
			}
			catch (IOException ex) {
				throw new DataAccessResourceFailureException("COPY failed: " + ex.getMessage(), ex);
			}
		});
		return copied == null ? 0 : copied;
	}

	private void separate() {
		if (this.rowStarted) {
			this.text.append('\t');
		}
		this.rowStarted = true;
	}

	private void escape(String value) {
		int from = 0;
		for (int i = 0; i < value.length(); i++) {
			String escaped = switch (value.charAt(i)) {
				case '\\' -> "\\\\";
				case '\t' -> "\\t";
				case '\n' -> "\\n";
				case '\r' -> "\\r";
				default -> null;
			};
			if (escaped != null) {
				this.text.append(value, from, i).append(escaped);
				from = i + 1;
			}
		}
		// runs without special characters are appended whole, not char by char
		this.text.append(value, from, value.length());
	}

}
