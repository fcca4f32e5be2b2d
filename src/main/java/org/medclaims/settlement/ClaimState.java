package org.medclaims.settlement;

/** The status of a stored claim, as the API shows it (interfaces.md). */
public enum ClaimState {

	/** Waiting for settlement. */
	RECEIVED,

	SETTLED,

	REJECTED,

	/** 冲正: a settled claim taken back; its settlement stays for the record. */
	REVERSED;

	/**
	 * Whether the claim holds its number: E_DUPLICATE_CLAIM counts only those (V16's
	 * number_in_use).
	 */
	public boolean holdsItsNumber() {
		return this != REJECTED && this != REVERSED;
	}

}
