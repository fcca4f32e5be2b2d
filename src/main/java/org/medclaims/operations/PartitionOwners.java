package org.medclaims.operations;

import java.sql.Array;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The step_execution_owner table: which process runs (or ran) each partition, and its
 * last heartbeat.
 */
@Repository
public class PartitionOwners {

	private final JdbcTemplate jdbc;

	PartitionOwners(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** This process takes the partition: it is its owner from now on. */
	public void take(long stepExecutionId) {
		ExecutionOwner me = ExecutionOwner.current();
		this.jdbc.update("""
				INSERT INTO step_execution_owner (step_execution_id, host, pid) VALUES (?, ?, ?)
				ON CONFLICT (step_execution_id) DO UPDATE SET host = EXCLUDED.host, pid = EXCLUDED.pid,
				    started_at = now(), heartbeat_at = now()
				""", stepExecutionId, me.host(), me.pid());
	}

	/** This process is alive and still runs these partitions. */
	public void heartbeat(Collection<Long> stepExecutionIds) {
		if (!stepExecutionIds.isEmpty()) {
			this.jdbc.update("UPDATE step_execution_owner SET heartbeat_at = now() WHERE step_execution_id = ANY (?)",
					ids(stepExecutionIds));
		}
	}

	/** The owner of each of these partitions that has one, as {@code pid@host}. */
	public Map<Long, String> owners(Collection<Long> stepExecutionIds) {
		if (stepExecutionIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.query("SELECT step_execution_id, pid || '@' || host FROM step_execution_owner"
					+ " WHERE step_execution_id = ANY (?)", (rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)),
					ids(stepExecutionIds))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * How long ago the partition's owner last said it is alive, with the owner; empty
	 * when it has none.
	 */
	public Optional<Silence> silence(long stepExecutionId) {
		List<Silence> found = this.jdbc.query("""
				SELECT pid || '@' || host, extract(epoch FROM now() - heartbeat_at) * 1000, heartbeat_at
				FROM step_execution_owner WHERE step_execution_id = ?
				""", (rs, i) -> new Silence(rs.getString(1), Duration.ofMillis(rs.getLong(2)),
				rs.getTimestamp(3).toInstant().toString()), stepExecutionId);
		return found.stream().findFirst();
	}

	/** A partition's owner and how long it has been silent. */
	public record Silence(String owner, Duration since, String lastHeartbeat) {
	}

	private Array ids(Collection<Long> ids) {
		return this.jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("bigint", ids.toArray()));
	}

}
