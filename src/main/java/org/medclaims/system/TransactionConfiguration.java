package org.medclaims.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.batch.autoconfigure.BatchTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transaction managers on the one database. The primary one waits, at each commit,
 * for the commit to be on disk ({@code synchronous_commit} as the server sets it). The
 * {@link #BOOKKEEPING} one does not wait: for Spring Batch's own records and for chunks
 * whose effects nobody outside sees before a later waiting commit, which writes every
 * commit before it to disk (PostgreSQL's log is one sequence). A server crash can then
 * lose only the last of those commits, data and step position together, and what it
 * leaves is a state the work passed through: a restart does the rest once. A process
 * crash loses nothing either way. Whatever is told to the outside (a file moved, an
 * answer written, a clerk's claim settled) follows a waiting commit.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionConfiguration {

	/** The transaction manager whose commits do not wait for the disk. */
	public static final String BOOKKEEPING = "bookkeepingTransactionManager";

	private static final Logger log = LoggerFactory.getLogger(TransactionConfiguration.class);

	@Bean
	@Primary
	JdbcTransactionManager transactionManager(DataSource dataSource) {
		return new LostSessionRollsBack(dataSource);
	}

	@Bean(BOOKKEEPING)
	@BatchTransactionManager
	@Qualifier(BOOKKEEPING)
	JdbcTransactionManager bookkeepingTransactionManager(DataSource dataSource) {
		return new NotWaitingForTheDisk(dataSource);
	}

	/**
	 * Puts every commit made so far on disk: a waiting commit of a transaction that has a
	 * transaction id (PostgreSQL writes the log in order). Call it before telling the
	 * outside what those commits did.
	 */
	public static void flushCommits(JdbcTemplate jdbc, PlatformTransactionManager waiting) {
		new TransactionTemplate(waiting)
			.executeWithoutResult(status -> jdbc.queryForObject("SELECT txid_current()", Long.class));
	}

	/**
	 * Makes the commit of the current transaction wait for the disk, whatever its
	 * manager.
	 */
	public static void commitDurably(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCAL synchronous_commit TO on");
		}
	}

	/**
	 * A rollback that fails because the connection is gone has nothing to undo:
	 * PostgreSQL ends a lost session's transaction without committing it. Said as such,
	 * the transaction counts as rolled back (not as in an unknown state, which Spring
	 * Batch would not resume or restart), and the fault that lost the connection is what
	 * the caller sees.
	 */
	private static class LostSessionRollsBack extends JdbcTransactionManager {

		LostSessionRollsBack(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			try {
				super.doRollback(status);
			}
			catch (RuntimeException ex) {
				if (!TransientDatabaseFaults.isTransient(ex)) {
					throw ex;
				}
				log.debug("Rollback on a lost connection: the server ended its transaction ({})", ex.getMessage());
			}
		}

	}

	private static final class NotWaitingForTheDisk extends LostSessionRollsBack {

		NotWaitingForTheDisk(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
				throws SQLException {
			super.prepareTransactionalConnection(connection, definition);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL synchronous_commit TO off");
			}
		}

	}

}
