package org.medclaims.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One medclaims process at a time takes claim files in and delivers answers (the inbound folder,
 * the SFTP inboxes and outboxes): a {@code serve} that watches, or a {@code run-once}. A file or an
 * upload is claimed by no row of its own, so two such processes could take a file twice or garble
 * an upload. The holder keeps a PostgreSQL session advisory lock on a connection of its own for as
 * long as it lives; the database releases it by itself if the process dies.
 */
@Component
public class IntakeLock implements DisposableBean {

	/** The advisory lock class of the intake (claim numbers use 4, settlement runs and imports 5). */
	private static final int LOCK_CLASS = 6;

	private static final Logger log = LoggerFactory.getLogger(IntakeLock.class);

	private final DataSource dataSource;

	private Connection held;

	IntakeLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Takes the lock unless another process holds it; true while this process holds it. */
	public synchronized boolean acquire() {
		if (this.held != null) {
			return true;
		}
		try {
			Connection connection = this.dataSource.getConnection();
			if (lock(connection, "SELECT pg_try_advisory_lock(?, 0)")) {
				this.held = connection;
				return true;
			}
			connection.close();
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the intake lock: " + ex.getMessage(), ex);
		}
	}

	/** Whether this process holds the lock (it never waits for it). */
	public synchronized boolean isHeld() {
		return this.held != null;
	}

	@Override
	public synchronized void destroy() {
		if (this.held == null) {
			return;
		}
		try (Connection connection = this.held) {
			lock(connection, "SELECT pg_advisory_unlock(?, 0)");
		}
		catch (SQLException ex) {
			log.warn("Intake lock not released cleanly ({}); closing its session releases it", ex.getMessage());
		}
		this.held = null;
	}

	/** What an operator reads when another process holds the lock. */
	public static String heldElsewhere() {
		return "Another medclaims process takes claim files in from this database (a serve that watches, or a"
				+ " run-once): files are taken in by one process at a time.";
	}

	private static boolean lock(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, LOCK_CLASS);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

}
