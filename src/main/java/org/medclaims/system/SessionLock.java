package org.medclaims.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session advisory lock held on a connection of its own, across processes:
 * released by {@link #close()}, or by the database itself when the holding process dies.
 */
public final class SessionLock implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SessionLock.class);

	private final Connection connection;

	private final AdvisoryLock lock;

	private SessionLock(Connection connection, AdvisoryLock lock) {
		this.connection = connection;
		this.lock = lock;
	}

	/** The lock, or empty when another session holds it; never waits. */
	public static Optional<SessionLock> tryTake(DataSource dataSource, AdvisoryLock lock) {
		try {
			Connection connection = dataSource.getConnection();
			if (run(connection, "SELECT pg_try_advisory_lock(?, 0)", lock.lockClass())) {
				return Optional.of(new SessionLock(connection, lock));
			}
			connection.close();
			return Optional.empty();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take advisory lock " + lock + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try (this.connection) {
			run(this.connection, "SELECT pg_advisory_unlock(?, 0)", this.lock.lockClass());
		}
		catch (SQLException ex) {
			log.warn("Advisory lock {} not released cleanly ({}); closing its session releases it", this.lock,
					ex.getMessage());
		}
	}

	private static boolean run(Connection connection, String sql, int lockClass) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, lockClass);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

}
