package org.medclaims.settlement;

import java.util.List;

import org.medclaims.system.OperatorMessages;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code settle [--despite-unfinished-intake]}: runs the settlement job now; exit 0 when
 * it completed. Refused (exit 1) while a file taken in is not decided, unless the option
 * says so.
 */
@Component
class SettleCommand implements org.medclaims.system.Command {

	/** The option that settles while files taken in are not decided yet. */
	static final String DESPITE_UNFINISHED_INTAKE = "despite-unfinished-intake";

	private final SettlementLauncher launcher;

	private final Environment environment;

	SettleCommand(SettlementLauncher launcher, Environment environment) {
		this.launcher = launcher;
		this.environment = environment;
	}

	@Override
	public String name() {
		return "settle";
	}

	@Override
	public int run(List<String> arguments) throws Exception {
		JobExecution execution = this.launcher.settle(this.environment.containsProperty(DESPITE_UNFINISHED_INTAKE));
		System.out.printf("Settlement execution %d: %s%n", execution.getId(), execution.getStatus());
		execution.getStepExecutions()
			.forEach(s -> System.out.printf("  %-26s %-10s read %d, written %d%n", s.getStepName(), s.getStatus(),
					s.getReadCount(), s.getWriteCount()));
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			System.err.printf("Settlement execution %d ended %s: %s. Fix the cause, then run 'restart %d'.%n",
					execution.getId(), execution.getStatus(), OperatorMessages.whyNotCompleted(execution),
					execution.getId());
			return 1;
		}
		return 0;
	}

}
