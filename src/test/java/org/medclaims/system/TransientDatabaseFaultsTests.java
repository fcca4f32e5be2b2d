package org.medclaims.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientDatabaseFaultsTests {

	@Test
	void aServerGoingAwayOrComingBackIsRiddenOut() {
		assertThat(transientState("57P01")).as("admin shutdown").isTrue();
		assertThat(transientState("57P03")).as("the server is starting").isTrue();
		assertThat(transientState("08006")).as("connection failure").isTrue();
		assertThat(transientState("08001")).as("connection refused").isTrue();
		assertThat(TransientDatabaseFaults.isTransient(new ConnectException("Connection refused"))).isTrue();
		assertThat(TransientDatabaseFaults.isTransient(new SQLTransientConnectionException("pool: request timed out")))
			.isTrue();
	}

	@Test
	void aSerializationFailureOrADeadlockIsTriedAgain() {
		assertThat(transientState("40001")).isTrue();
		assertThat(transientState("40P01")).isTrue();
	}

	@Test
	void aRollbackThatFailedOnTheLostConnectionIsJudgedByTheFaultItHides() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		assertThat(TransientDatabaseFaults.isTransient(rollback)).as("HikariCP's closed connection").isTrue();
		TransactionSystemException hiding = new TransactionSystemException("JDBC rollback failed",
				new IllegalStateException("something else"));
		hiding.initApplicationException(new DataAccessResourceFailureException("terminating connection",
				new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
		assertThat(TransientDatabaseFaults.isTransient(hiding)).isTrue();
	}

	@Test
	void aBadRowOrAStatementErrorIsNot() {
		assertThat(TransientDatabaseFaults.isTransient(new DuplicateKeyException("duplicate key"))).isFalse();
		assertThat(TransientDatabaseFaults.isTransient(
				new DataIntegrityViolationException("null value", new SQLException("null value in column", "23502"))))
			.isFalse();
		assertThat(transientState("P0001")).as("an exception raised by a trigger").isFalse();
		assertThat(transientState("42P01")).as("an unknown table").isFalse();
		assertThat(TransientDatabaseFaults.isTransient(new IllegalStateException("a bug"))).isFalse();
	}

	@Test
	void aRowSomeoneElseChangedIsNotTriedAgain() {
		// a repository update over a commit whose answer was lost: the row moved on, and
		// stays so
		assertThat(TransientDatabaseFaults.isTransient(new OptimisticLockingFailureException(
				"Attempt to update step execution id=32 with wrong version (23)")))
			.isFalse();
		assertThat(TransientDatabaseFaults.isTransient(
				new IllegalStateException("saving failed", new OptimisticLockingFailureException("wrong version"))))
			.isFalse();
	}

	private static boolean transientState(String state) {
		return TransientDatabaseFaults
			.isTransient(new DataAccessResourceFailureException("fault", new SQLException("fault " + state, state)));
	}

}
