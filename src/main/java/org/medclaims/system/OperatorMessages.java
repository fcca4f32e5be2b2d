package org.medclaims.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.NestedExceptionUtils;

/** Turns an exception into the one sentence an operator reads on stderr. */
public final class OperatorMessages {

	private OperatorMessages() {
	}

	public static String describe(Throwable failure) {
		// printed on stderr, stored as exit descriptions: an SQL error may quote a row
		// with a person's ID
		return MaskedMessageConverter.mask(unmasked(failure));
	}

	private static String unmasked(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof OperatorMistake) {
				return t.getMessage();
			}
			if (t instanceof ConnectException || (t instanceof SQLException sql && isConnectionFailure(sql))) {
				return "Cannot reach the database (" + firstLine(t.getMessage())
						+ "): start PostgreSQL or fix spring.datasource.url, then try again.";
			}
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return "medclaims failed: " + firstLine(String.valueOf(root.getMessage()));
	}

	/**
	 * Why a job execution did not complete, in one sentence: its first failure (a
	 * partition's before the step that only says a partition failed), else its exit
	 * description.
	 */
	public static String whyNotCompleted(JobExecution execution) {
		return firstFailure(execution).map(failure -> {
			String described = describe(failure);
			return described.startsWith("medclaims failed: ") ? described.substring(18) : described;
		}).orElseGet(() -> MaskedMessageConverter.mask(firstLine(execution.getExitStatus().getExitDescription())));
	}

	/**
	 * The failure that says most: a partition's (step name {@code worker:partition}),
	 * then a step's, then the job's.
	 */
	public static Optional<Throwable> firstFailure(JobExecution execution) {
		return Stream
			.concat(execution.getStepExecutions()
				.stream()
				.sorted(Comparator.comparing((StepExecution step) -> !step.getStepName().contains(":")))
				.flatMap(step -> step.getFailureExceptions().stream()), execution.getFailureExceptions().stream())
			.findFirst();
	}

	private static boolean isConnectionFailure(SQLException ex) {
		return ex.getSQLState() != null && ex.getSQLState().startsWith("08");
	}

	private static String firstLine(String message) {
		int newline = message == null ? -1 : message.indexOf('\n');
		return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
	}

}
