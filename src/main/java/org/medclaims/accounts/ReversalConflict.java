package org.medclaims.accounts;

/**
 * A claim that is not SETTLED (waiting or rejected) cannot be reversed: answered 409
 * CONFLICT.
 */
public class ReversalConflict extends RuntimeException {

	ReversalConflict(String message) {
		super(message);
	}

}
