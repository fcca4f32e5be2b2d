package org.medclaims.operations;

import java.util.List;
import java.util.Optional;

import org.medclaims.system.CommandLine;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The job_execution_owner table: who runs which execution (written with the execution:
 * OwnerRecording).
 */
@Repository
public class ExecutionOwners {

	private final JdbcTemplate jdbc;

	private final String command;

	ExecutionOwners(JdbcTemplate jdbc, Environment environment) {
		this.jdbc = jdbc;
		this.command = environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE);
	}

	public Optional<ExecutionOwner> ownerOf(long jobExecutionId) {
		List<ExecutionOwner> owners = this.jdbc.query(
				"SELECT host, pid, process_started_at, process_start_ticks FROM job_execution_owner"
						+ " WHERE job_execution_id = ?",
				(rs, i) -> new ExecutionOwner(rs.getString(1), rs.getLong(2),
						rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
						rs.getObject(4, Long.class)),
				jobExecutionId);
		return owners.stream().findFirst();
	}

	String command() {
		return this.command;
	}

}
