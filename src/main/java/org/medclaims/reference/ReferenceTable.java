package org.medclaims.reference;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How one reference CSV maps to its table: the columns, how a row is read and checked, and how the
 * checked rows are written. A new instance serves one import, so cross-row checks may keep state.
 *
 * @param <R> the typed row
 */
abstract class ReferenceTable<R> {

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
