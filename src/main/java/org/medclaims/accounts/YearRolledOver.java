package org.medclaims.accounts;

import java.time.Instant;

import org.medclaims.policy.Money;

/**
 * A year whose rollover began, and (once finished) its result.
 *
 * @param finishedBy the execution that completed it; null while unfinished
 */
public record YearRolledOver(int year, long begunBy, Instant begunAt, Long finishedBy, Instant finishedAt,
		long personsRolledOver, Money amountMoved, long personsWithNothingToMove) {

	public boolean finished() {
		return this.finishedAt != null;
	}

	/**
	 * The result as operators read it in the execution, {@code jobs}, the API and the
	 * dashboard.
	 */
	public String result() {
		return "Rolled over " + this.year + ": " + this.personsRolledOver + " persons, " + this.amountMoved
				+ " moved to their historical accounts; " + this.personsWithNothingToMove
				+ " persons had nothing to move.";
	}

}
