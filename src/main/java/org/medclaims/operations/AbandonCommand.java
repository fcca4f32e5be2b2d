package org.medclaims.operations;

import java.util.List;

import org.medclaims.system.Command;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** {@code abandon <executionId>}: gives up a stopped or failed execution for good. */
@Component
class AbandonCommand implements Command {

	private final JobControl control;

	AbandonCommand(JobControl control) {
		this.control = control;
	}

	@Override
	public String name() {
		return "abandon";
	}

	@Override
	public int run(List<String> arguments) {
		JobExecution execution = this.control.abandon(ExecutionIdArgument.parse(arguments, name()));
		System.out.printf("Execution %d of %s is ABANDONED: it will never be restarted.%n", execution.getId(),
				execution.getJobInstance().getJobName());
		return 0;
	}

}
