package org.medclaims.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How one reference CSV maps to its table: the columns, how a row is read and checked,
 * and how the checked rows are written. A new instance serves one import, so cross-row
 * checks may keep state.
 *
 * @param <R> the typed row
 */
abstract class ReferenceTable<R> {

	private final Map<String, Long> keys = new HashMap<>();

	/**
	 * Reports a key that an earlier row of the file already has: the table holds one row
	 * per key.
	 */
	void unique(CsvRow row, String column, String key) {
		unique(row, column, key, key);
	}

	/**
	 * As {@link #unique(CsvRow, String, String)}, showing the key as {@code shown} (a
	 * masked ID).
	 */
	void unique(CsvRow row, String column, String key, String shown) {
		Long first = this.keys.putIfAbsent(key, row.line());
		if (first != null) {
			row.problem(column + " '" + shown + "' appears again (first on line " + first + ")");
		}
	}

	/** A typed row with the file line it came from. */
	record Parsed<R>(R row, CsvRow source) {
	}

	abstract String fileName();

	abstract List<String> columns();

	/** Reads one row; problems go to {@code row}. */
	abstract R parse(CsvRow row);

	/** Checks that need other rows or the database, on a batch of rows that parsed. */
	void check(List<Parsed<R>> batch, JdbcTemplate jdbc) {
	}

	/** Checks that need every row (overlaps): problems as {@code line: reason}. */
	List<Problem> finish() {
		return List.of();
	}

	/** Called once before the first batch is written, in the import's transaction. */
	void beforeWrite(JdbcTemplate jdbc) {
	}

	/** Writes a batch of checked rows. */
	abstract void write(List<R> batch, JdbcTemplate jdbc);

	/** A bad row: its line and the reason. */
	record Problem(long line, String reason) {
	}

}
