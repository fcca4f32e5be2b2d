package org.medclaims.system;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database fault that passes from one that does not: the server starting,
 * shutting down or restarting, a connection refused, reset or closed, a serialization
 * failure or a deadlock are ridden out; a constraint violated, a bad statement or a row
 * another writer changed is not.
 */
public final class TransientDatabaseFaults {

	// PostgreSQL SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now,
	// serialization_failure,
	// deadlock_detected, too_many_connections; class 08 is a connection exception
	private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "53300");

	private TransientDatabaseFaults() {
	}

	public static boolean isTransient(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			// a row another transaction changed (a TransientDataAccessException) stays
			// changed however often tried
			if (t instanceof OptimisticLockingFailureException) {
				return false;
			}
			// a rollback that failed on the lost connection hides the fault that lost it
			if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isTransient(rollback.getApplicationException())) {
				return true;
			}
			if (t instanceof SQLException sql && (transientState(sql.getSQLState()) || closedByPool(sql))) {
				return true;
			}
			if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
					|| t instanceof ConnectException || t instanceof SocketException || t instanceof EOFException
					|| t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
					|| t instanceof PessimisticLockingFailureException || t instanceof TransientDataAccessException) {
				return true;
			}
		}
		return false;
	}

	// HikariCP's answer on a connection it has closed after the server cut it, without an
	// SQLSTATE
	private static boolean closedByPool(SQLException ex) {
		return ex.getSQLState() == null && "Connection is closed".equals(ex.getMessage());
	}

	private static boolean transientState(String state) {
		return state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state));
	}

}
