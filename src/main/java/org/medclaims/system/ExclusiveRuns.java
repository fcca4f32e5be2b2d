package org.medclaims.system;

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
 * Settlement runs and reference imports, one at a time across processes (the nightly cron,
 * {@code settle}, {@code run-once}, {@code import-reference}, a restart from the dashboard): a run
 * settles households grouped by the family bindings it read, so the registry must not change under
 * it. Each run holds a PostgreSQL session advisory lock for as long as it runs, which the database
 * releases by itself if the process dies.
 */
public class ExclusiveRuns implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ExclusiveRuns.class);

	/** The advisory lock class of settlement runs and reference imports (claim numbers use 4). */
	private static final int LOCK_CLASS = 5;

	private final DataSource dataSource;

	private final String refusal;

	private final Map<Long, Connection> held = new ConcurrentHashMap<>();

	/** @param refusal what a run that finds another one in progress ends with */
	public ExclusiveRuns(DataSource dataSource, String refusal) {
		this.dataSource = dataSource;
		this.refusal = refusal;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		try {
			Connection connection = this.dataSource.getConnection();
			if (!lock(connection, "SELECT pg_try_advisory_lock(?, 0)")) {
				connection.close();
				throw new IllegalStateException(this.refusal);
			}
			this.held.put(execution.getId(), connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the lock of settlement runs and reference imports: " + ex.getMessage(), ex);
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
			log.warn("Run lock of execution {} not released cleanly ({}); closing its session releases it",
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
