package org.medclaims.operations;

import org.medclaims.system.OperatorMistake;

/** A request parameter out of its range: HTTP 400 INVALID_INPUT naming the field. */
class InvalidInput extends OperatorMistake {

	private final String field;

	InvalidInput(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
