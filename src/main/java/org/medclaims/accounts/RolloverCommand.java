package org.medclaims.accounts;

import java.util.List;

import org.medclaims.system.Command;
import org.medclaims.system.OperatorMessages;
import org.medclaims.system.OperatorMistake;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * {@code rollover <year>}: rolls the year over; exit 0 when it completed, 1 when refused
 * or failed.
 */
@Component
class RolloverCommand implements Command {

	private final YearEndRollover rollover;

	private final JobOperator jobOperator;

	RolloverCommand(YearEndRollover rollover, JobOperator jobOperator) {
		this.rollover = rollover;
		this.jobOperator = jobOperator;
	}

	@Override
	public String name() {
		return "rollover";
	}

	@Override
	public int run(List<String> arguments) throws Exception {
		if (arguments.size() != 1 || !arguments.get(0).matches("[0-9]{4}")) {
			throw new OperatorMistake("Give the year to roll over: rollover <year>, e.g. rollover 2013.");
		}
		JobExecution execution = this.rollover.rollOver(Integer.parseInt(arguments.get(0)), this.jobOperator);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			System.err.printf("Rollover execution %d ended %s: %s. Fix the cause, then run 'rollover %s' again.%n",
					execution.getId(), execution.getStatus(), OperatorMessages.whyNotCompleted(execution),
					arguments.get(0));
			return 1;
		}
		System.out.printf("Rollover execution %d: %s%n", execution.getId(),
				execution.getExitStatus().getExitDescription());
		return 0;
	}

}
