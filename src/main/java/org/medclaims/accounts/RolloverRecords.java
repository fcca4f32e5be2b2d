package org.medclaims.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.medclaims.policy.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code account_rollover}: which years were rolled over, by which execution, with what
 * result.
 */
@Repository
class RolloverRecords {

	private final JdbcTemplate jdbc;

	RolloverRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<YearRolledOver> find(int year) {
		return this.jdbc.query("SELECT * FROM account_rollover WHERE year = ?", RolloverRecords::row, year)
			.stream()
			.findFirst();
	}

	/** The latest year whose rollover has begun. */
	Optional<YearRolledOver> latest() {
		return this.jdbc.query("SELECT * FROM account_rollover ORDER BY year DESC LIMIT 1", RolloverRecords::row)
			.stream()
			.findFirst();
	}

	/**
	 * The years whose rollover has begun: credits for their months go to the historical
	 * account.
	 */
	Set<Integer> years() {
		return new HashSet<>(this.jdbc.queryForList("SELECT year FROM account_rollover", Integer.class));
	}

	/**
	 * Records that the year's rollover began, once: a restart of its execution finds the
	 * row there.
	 */
	void begin(int year, long executionId, Instant at) {
		this.jdbc.update("""
				INSERT INTO account_rollover (year, begun_by, begun_at) VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING
				""", year, executionId, Timestamp.from(at));
	}

	/** Adds a chunk's result, in the chunk's transaction. */
	void count(int year, long rolledOver, Money moved, long nothingToMove) {
		this.jdbc.update(
				"""
						UPDATE account_rollover SET persons_rolled_over = persons_rolled_over + ?, amount_moved = amount_moved + ?,
						    persons_nothing_to_move = persons_nothing_to_move + ?
						WHERE year = ?
						""",
				rolledOver, moved.fen(), nothingToMove, year);
	}

	void finish(int year, long executionId, Instant at) {
		this.jdbc.update(
				"UPDATE account_rollover SET finished_by = ?, finished_at = ? WHERE year = ? AND finished_at IS NULL",
				executionId, Timestamp.from(at), year);
	}

	/**
	 * The next person IDs after {@code after}, in order: what a rollover goes through.
	 */
	List<String> personsAfter(String after, int limit) {
		return this.jdbc.queryForList("SELECT person_id FROM person WHERE person_id > ? ORDER BY person_id LIMIT ?",
				String.class, after, limit);
	}

	/** How many persons a rollover has to go through. */
	long persons() {
		return this.jdbc.queryForObject("SELECT count(*) FROM person", Long.class);
	}

	List<YearRolledOver> all() {
		return this.jdbc.query("SELECT * FROM account_rollover ORDER BY year", RolloverRecords::row);
	}

	private static YearRolledOver row(ResultSet rs, int i) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new YearRolledOver(rs.getInt("year"), rs.getLong("begun_by"), rs.getTimestamp("begun_at").toInstant(),
				(Long) rs.getObject("finished_by"), finished == null ? null : finished.toInstant(),
				rs.getLong("persons_rolled_over"), Money.ofFen(rs.getLong("amount_moved")),
				rs.getLong("persons_nothing_to_move"));
	}

}
