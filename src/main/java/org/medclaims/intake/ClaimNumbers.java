package org.medclaims.intake;

import org.medclaims.system.AdvisoryLock;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Claim numbers are unique per hospital among claims neither rejected nor reversed.
 * Whoever checks a number and then inserts the claim (the intake writer, ad-hoc claims)
 * holds this transaction lock of the hospital in between; the partial unique index
 * {@code claim_number_in_use} is the backstop.
 */
public final class ClaimNumbers {

	private ClaimNumbers() {
	}

	/** Takes the hospital's claim-number lock until the current transaction ends. */
	public static void lock(JdbcOperations jdbc, String hospitalCode) {
		jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> {
		}, AdvisoryLock.CLAIM_NUMBERS.lockClass(), hospitalCode);
	}

}
