package org.medclaims.intake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code intake_batch} table, the intake's own: the claim files' rows in
 * {@code claim_file} name the batch that takes them in.
 */
@Repository
class IntakeBatches {

	private final JdbcTemplate jdbc;

	IntakeBatches(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A new intake batch: the files one claimIntakeJob execution takes in. */
	long newBatch() {
		return this.jdbc.queryForObject("INSERT INTO intake_batch DEFAULT VALUES RETURNING id", Long.class);
	}

}
