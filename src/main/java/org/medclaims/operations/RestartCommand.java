package org.medclaims.operations;

import java.util.List;

import org.medclaims.system.Command;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * {@code restart <executionId>}: restarts a failed, stopped or crashed execution and
 * waits for its outcome.
 */
@Component
class RestartCommand implements Command {

	private final JobControl control;

	private final ExecutionQueries queries;

	RestartCommand(JobControl control, ExecutionQueries queries) {
		this.control = control;
		this.queries = queries;
	}

	@Override
	public String name() {
		return "restart";
	}

	@Override
	public int run(List<String> arguments) {
		long id = ExecutionIdArgument.parse(arguments, name());
		JobExecution restarted = this.control.restart(id, true);
		ExecutionSummary outcome = this.queries.summary(restarted.getId()).orElseThrow();
		String counts = "read " + outcome.readCount() + ", written " + outcome.writeCount() + ", skipped "
				+ outcome.skipCount();
		if (restarted.getStatus() == BatchStatus.COMPLETED) {
			System.out.printf("Execution %d of %s restarted as execution %d: COMPLETED (%s) in %s, %s.%n", id,
					outcome.jobName(), outcome.id(), outcome.exitCode(), outcome.durationText(), counts);
			return 0;
		}
		System.err.printf(
				"Execution %d of %s restarted as execution %d, which ended %s: %s; fix the cause and"
						+ " run 'restart %d'.%n",
				id, outcome.jobName(), outcome.id(), outcome.status(), firstLine(outcome.exitDescription()),
				outcome.id());
		return 1;
	}

	private static String firstLine(String text) {
		if (text == null || text.isBlank()) {
			return "no reason recorded";
		}
		String stripped = text.strip();
		int newline = stripped.indexOf('\n');
		return newline < 0 ? stripped : stripped.substring(0, newline);
	}

}
