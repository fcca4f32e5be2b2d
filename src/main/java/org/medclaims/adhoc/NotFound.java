package org.medclaims.adhoc;

/** Nothing under that key: answered 404 NOT_FOUND. */
class NotFound extends RuntimeException {

	NotFound(String message) {
		super(message);
	}

}
