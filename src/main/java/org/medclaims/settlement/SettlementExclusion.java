package org.medclaims.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * One settlement run at a time, across processes (the nightly cron, {@code settle},
 * {@code run-once}, a restart from the dashboard): each run holds a PostgreSQL session advisory lock
 * for as long as it runs, which the database releases by itself if the process dies.
 */
class SettlementExclusion implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(SettlementExclusion.class);

	/** The advisory lock class of settlement runs (claim numbers use 4). */
	private static final int LOCK_CLASS = 5;

	private final DataSource dataSource;

	private final Map<Long, Connection> held = new ConcurrentHashMap<>();

	SettlementExclusion(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		try {
			Connection connection = this.dataSource.getConnection();
			if (!lock(connection, "SELECT pg_try_advisory_lock(?, 0)")) {
				connection.close();
				throw new IllegalStateException("Another settlement run is in progress and runs are one at a time:"
						+ " wait for it to end, then settle again.");
			}
			this.held.put(execution.getId(), connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the settlement lock: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		Connection connection = this.held.remove(execution.getId());
		if (connection == null) {
			return;
		}
		try (connection) {
			lock(connection, "SELECT pg_advisory_unlock(?, 0)");
		}
		catch (SQLException ex) {
			log.warn("Settlement lock of execution {} not released cleanly ({}); closing its session releases it",
					execution.getId(), ex.getMessage());
		}
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
