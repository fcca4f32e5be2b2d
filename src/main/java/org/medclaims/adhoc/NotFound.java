package org.medclaims.adhoc;

/**
 * Nothing under that key: answered 404 NOT_FOUND; pages say it in their language
 * ({@code key}, {@code args}).
 */
class NotFound extends RuntimeException {

	private final String key;

	private final Object[] args;

	NotFound(String message) {
		this(message, null);
	}

	NotFound(String message, String key, Object... args) {
		super(message);
		this.key = key;
		this.args = args;
	}

	String key() {
		return this.key;
	}

	Object[] args() {
		return this.args;
	}

}
