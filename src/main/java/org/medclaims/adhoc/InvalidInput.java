package org.medclaims.adhoc;

import java.util.List;

/** Input that cannot be valued: answered 400 with a code and every bad field. */
class InvalidInput extends RuntimeException {

	static final String CODE = "INVALID_INPUT";

	private final String code;

	private final List<FieldError> errors;

	InvalidInput(String code, List<FieldError> errors) {
		super(errors.isEmpty() ? "The request is invalid (" + code + ")."
				: errors.get(0).field() + ": " + errors.get(0).message());
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	static InvalidInput of(String field, String message) {
		return new InvalidInput(CODE, List.of(new FieldError(field, message)));
	}

	String code() {
		return this.code;
	}

	List<FieldError> errors() {
		return this.errors;
	}

}
