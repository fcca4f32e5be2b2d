package org.medclaims.system;

import java.net.ConnectException;
import java.sql.SQLException;

/** Turns an exception into the one sentence an operator reads on stderr. */
public final class OperatorMessages {

	private OperatorMessages() {
	}

	public static String describe(Throwable failure) {
		// printed on stderr, stored as exit descriptions: an SQL error may quote a row with a person's ID
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
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return "medclaims failed: " + firstLine(String.valueOf(root.getMessage()));
	}

	/** Why a job execution did not complete, in one sentence: its first failure, else its exit description. */
	public static String whyNotCompleted(org.springframework.batch.core.job.JobExecution execution) {
		if (!execution.getAllFailureExceptions().isEmpty()) {
			String described = describe(execution.getAllFailureExceptions().get(0));
			return described.startsWith("medclaims failed: ") ? described.substring(18) : described;
		}
		return MaskedMessageConverter.mask(firstLine(execution.getExitStatus().getExitDescription()));
	}

	private static boolean isConnectionFailure(SQLException ex) {
		return ex.getSQLState() != null && ex.getSQLState().startsWith("08");
	}

	private static String firstLine(String message) {
		int newline = message == null ? -1 : message.indexOf('\n');
		return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
	}

}
