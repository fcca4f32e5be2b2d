package org.medclaims.adhoc;

/** A body sent without a length that runs past the API's limit: answered 413. */
class BodyTooLarge extends RuntimeException {

	BodyTooLarge() {
		super("The request body is over the limit");
	}

}
