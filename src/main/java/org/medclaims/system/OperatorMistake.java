package org.medclaims.system;

/**
 * A mistake an operator or a configuration can make (unknown id, bad policy file...): its
 * message is one sentence saying what to do, shown without a stack trace.
 */
public class OperatorMistake extends RuntimeException {

	public OperatorMistake(String message) {
		super(message);
	}

	public OperatorMistake(String message, Throwable cause) {
		super(message, cause);
	}

}
