package org.medclaims.intake;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Claim numbers are unique per hospital among claims neither rejected nor reversed. Whoever checks a
 * number and then inserts the claim (the intake writer, ad-hoc claims) holds this transaction lock
 * of the hospital in between; the partial unique index {@code claim_number_in_use} is the backstop.
 */
public final class ClaimNumbers {

	/** The advisory lock class of claim numbers (PostgreSQL {@code pg_advisory_xact_lock(int, int)}). */
	public static final int LOCK_CLASS = 4;

	private ClaimNumbers() {
	}

	/** Takes the hospital's claim-number lock until the current transaction ends. */
	public static void lock(JdbcOperations jdbc, String hospitalCode) {
		jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> {
		}, LOCK_CLASS, hospitalCode);
	}

}
