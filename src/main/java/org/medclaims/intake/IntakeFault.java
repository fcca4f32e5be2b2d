package org.medclaims.intake;

/**
 * A fault that is not the hospital's (a file gone or changed under the intake, a folder
 * that cannot be written): the job fails with this sentence and the file stays where it
 * is.
 */
class IntakeFault extends RuntimeException {

	IntakeFault(String message) {
		super(message);
	}

	IntakeFault(String message, Throwable cause) {
		super(message, cause);
	}

}
