package org.medclaims.system;

/**
 * The PostgreSQL advisory lock classes medclaims takes (the first key of
 * {@code pg_advisory_lock(int, int)}), in one place so that no two uses share a class by
 * accident.
 */
public enum AdvisoryLock {

	/**
	 * A hospital's claim numbers, between checking a number and inserting its claim
	 * (transaction lock).
	 */
	CLAIM_NUMBERS(4),

	/**
	 * Settlement runs, reference and credit imports and rollovers: one at a time
	 * ({@link ExclusiveRuns}).
	 */
	EXCLUSIVE_RUNS(5),

	/**
	 * The intake and the delivery of answers: one process at a time, for as long as it
	 * lives.
	 */
	INTAKE(6);

	private final int lockClass;

	AdvisoryLock(int lockClass) {
		this.lockClass = lockClass;
	}

	/** The first key of the lock. */
	public int lockClass() {
		return this.lockClass;
	}

}
