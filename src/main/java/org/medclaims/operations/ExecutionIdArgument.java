package org.medclaims.operations;

import java.util.List;

import org.medclaims.system.OperatorMistake;

/** The {@code <executionId>} operand of restart, stop and abandon. */
final class ExecutionIdArgument {

	private ExecutionIdArgument() {
	}

	static long parse(List<String> arguments, String command) {
		if (arguments.size() != 1) {
			throw new OperatorMistake("Give one execution id: '" + command
					+ " <executionId>'; run 'jobs' to list the executions and their ids.");
		}
		try {
			return Long.parseLong(arguments.get(0).trim());
		}
		catch (NumberFormatException ex) {
			throw new OperatorMistake("'" + arguments.get(0) + "' is not an execution id: give the number 'jobs' shows"
					+ " in its ID column.");
		}
	}

}
