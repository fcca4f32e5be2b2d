package org.medclaims.operations;

import java.util.List;

import org.medclaims.system.Command;

import org.springframework.stereotype.Component;

/**
 * {@code stop <executionId>}: asks a running execution to stop at its next chunk
 * boundary.
 */
@Component
class StopCommand implements Command {

	private final JobControl control;

	StopCommand(JobControl control) {
		this.control = control;
	}

	@Override
	public String name() {
		return "stop";
	}

	@Override
	public int run(List<String> arguments) {
		System.out.println(this.control.stop(ExecutionIdArgument.parse(arguments, name())));
		return 0;
	}

}
