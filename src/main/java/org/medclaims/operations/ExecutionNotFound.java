package org.medclaims.operations;

import org.medclaims.system.OperatorMistake;

/** An execution id that names no execution: HTTP 404 NOT_FOUND. */
class ExecutionNotFound extends OperatorMistake {

	private final long id;

	ExecutionNotFound(long id) {
		super("There is no job execution " + id + ": run 'jobs' to list the executions and their ids.");
		this.id = id;
	}

	long id() {
		return this.id;
	}

}
