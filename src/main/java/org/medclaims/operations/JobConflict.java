package org.medclaims.operations;

import org.medclaims.system.OperatorMistake;

/**
 * An action the execution's state does not allow (not restartable, already running...):
 * HTTP 409 CONFLICT.
 */
class JobConflict extends OperatorMistake {

	JobConflict(String message) {
		super(message);
	}

	JobConflict(String message, Throwable cause) {
		super(message, cause);
	}

}
