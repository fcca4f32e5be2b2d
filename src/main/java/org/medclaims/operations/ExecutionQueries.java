package org.medclaims.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.medclaims.claims.ClaimTotals;
import org.medclaims.system.MaskedMessageConverter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The one class that reads Spring Batch's own tables with SQL: pages of executions with
 * filters, their steps' sums and owners, the steps running now, which its API answers
 * only one execution at a time. Everything else goes through JobRepository, JobOperator
 * and JobRegistry. {@code BatchTablesTests} runs every query here on the schema the Batch
 * jar ships, so an upgrade that changes it fails the build.
 */
@Repository
class ExecutionQueries {

	/**
	 * The batch id execution {@code e} was given, an intake's; null without a numeric
	 * one.
	 */
	private static final String INTAKE_BATCH = """
			(SELECT CASE WHEN p.parameter_value ~ '^[0-9]+$' THEN p.parameter_value::bigint END
			   FROM batch_job_execution_params p
			  WHERE p.job_execution_id = e.job_execution_id
			    AND p.parameter_name = 'batch')""";

	private static final String SELECT = """
			SELECT e.job_execution_id, i.job_name, e.status, e.exit_code, e.exit_message, e.start_time, e.end_time,
			       (SELECT string_agg(p.parameter_name || '=' || CASE WHEN length(p.parameter_value) > 24
			                   THEN left(p.parameter_value, 12) || '…' ELSE p.parameter_value END, ' '
			                   ORDER BY p.identifying DESC, p.parameter_name)
			          FROM batch_job_execution_params p
			         WHERE p.job_execution_id = e.job_execution_id
			           AND (p.identifying = 'Y' OR p.parameter_name = 'files')) AS parameters,
			       coalesce(s.read_count, 0) AS read_count, coalesce(s.write_count, 0) AS write_count,
			       coalesce(s.filter_count, 0) AS filter_count, coalesce(s.skip_count, 0) AS skip_count,
			       coalesce(s.commit_count, 0) AS commit_count, coalesce(s.rollback_count, 0) AS rollback_count,
			       CASE WHEN i.job_name = 'claimIntakeJob' THEN
			           %s
			       END AS rejected_claims,
			       o.pid || '@' || o.host AS owner, o.host AS owner_host, o.pid AS owner_pid,
			       o.process_started_at AS owner_started_at, o.process_start_ticks AS owner_start_ticks,
			       NOT EXISTS (SELECT 1 FROM batch_job_execution later WHERE later.job_instance_id = e.job_instance_id
			                      AND later.job_execution_id > e.job_execution_id) AS latest
			  FROM batch_job_execution e
			  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
			  LEFT JOIN LATERAL (SELECT sum(read_count) AS read_count, sum(write_count) AS write_count,
			                            sum(filter_count) AS filter_count,
			                            sum(read_skip_count + process_skip_count + write_skip_count) AS skip_count,
			                            sum(commit_count) AS commit_count, sum(rollback_count) AS rollback_count
			                       FROM batch_step_execution se WHERE se.job_execution_id = e.job_execution_id) s ON true
			  LEFT JOIN job_execution_owner o ON o.job_execution_id = e.job_execution_id
			"""
		.formatted(ClaimTotals.rejectedInBatch(INTAKE_BATCH));

	private final JdbcTemplate jdbc;

	ExecutionQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Executions newest first, filtered by status and job name when given. */
	Page list(String status, String jobName, int page, int size) {
		List<String> where = new ArrayList<>();
		List<Object> args = new ArrayList<>();
		if (status != null && !status.isBlank()) {
			where.add("e.status = ?");
			args.add(status);
		}
		if (jobName != null && !jobName.isBlank()) {
			where.add("i.job_name = ?");
			args.add(jobName);
		}
		String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		long total = this.jdbc.queryForObject(
				"SELECT count(*) FROM batch_job_execution e"
						+ " JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id" + condition,
				Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<ExecutionSummary> content = this.jdbc.query(
				SELECT + condition + " ORDER BY e.job_execution_id DESC LIMIT ? OFFSET ?", ExecutionQueries::summary,
				pageArgs.toArray());
		return new Page(content, page, size, total);
	}

	Optional<ExecutionSummary> summary(long id) {
		return this.jdbc.query(SELECT + " WHERE e.job_execution_id = ?", ExecutionQueries::summary, id)
			.stream()
			.findFirst();
	}

	List<StepSummary> steps(long executionId) {
		return this.jdbc.query("""
				SELECT s.*, p.total, o.pid || '@' || o.host AS worker FROM batch_step_execution s
				  LEFT JOIN step_progress p ON p.step_execution_id = s.step_execution_id
				  LEFT JOIN step_execution_owner o ON o.step_execution_id = s.step_execution_id
				 WHERE s.job_execution_id = ? ORDER BY s.step_execution_id
				""",
				(rs, i) -> new StepSummary(rs.getLong("step_execution_id"), rs.getString("step_name"),
						rs.getString("status"), rs.getString("exit_code"), exitMessage(rs), time(rs, "start_time"),
						time(rs, "end_time"), rs.getLong("read_count"), rs.getLong("write_count"),
						rs.getLong("filter_count"), rs.getLong("read_skip_count"), rs.getLong("process_skip_count"),
						rs.getLong("write_skip_count"), rs.getLong("commit_count"), rs.getLong("rollback_count"),
						(Long) rs.getObject("total"), rs.getString("worker")),
				executionId);
	}

	/**
	 * The parameters of several executions (a page of them), each list identifying ones
	 * first.
	 */
	Map<Long, List<Parameter>> parametersOf(List<Long> executionIds) {
		Map<Long, List<Parameter>> parameters = new HashMap<>();
		if (executionIds.isEmpty()) {
			return parameters;
		}
		this.jdbc.query("""
				SELECT job_execution_id, parameter_name, parameter_type, parameter_value, identifying
				  FROM batch_job_execution_params WHERE job_execution_id = ANY (?)
				 ORDER BY identifying DESC, parameter_name
				""",
				(RowCallbackHandler) rs -> parameters.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
					.add(new Parameter(rs.getString(2), rs.getString(3), rs.getString(4), "Y".equals(rs.getString(5)))),
				(Object) executionIds.toArray(Long[]::new));
		return parameters;
	}

	/** Every parameter of an execution, identifying ones first. */
	List<Parameter> parameters(long executionId) {
		return this.jdbc.query("""
				SELECT parameter_name, parameter_type, parameter_value, identifying FROM batch_job_execution_params
				 WHERE job_execution_id = ? ORDER BY identifying DESC, parameter_name
				""", (rs, i) -> new Parameter(rs.getString(1), rs.getString(2), rs.getString(3),
				"Y".equals(rs.getString(4))), executionId);
	}

	// Spring Batch stores exception texts, and an SQL error may quote a row with a
	// person's ID
	private static String exitMessage(ResultSet rs) throws SQLException {
		return MaskedMessageConverter.mask(rs.getString("exit_message"));
	}

	private static ExecutionSummary summary(ResultSet rs, int row) throws SQLException {
		return new ExecutionSummary(rs.getLong("job_execution_id"), rs.getString("job_name"),
				rs.getString("parameters") == null ? "" : rs.getString("parameters"), rs.getString("status"),
				rs.getString("exit_code"), exitMessage(rs), time(rs, "start_time"), time(rs, "end_time"),
				rs.getLong("read_count"), rs.getLong("write_count"), rs.getLong("filter_count"),
				rs.getLong("skip_count"), rs.getLong("commit_count"), rs.getLong("rollback_count"),
				(Long) rs.getObject("rejected_claims"), rs.getString("owner"), rs.getBoolean("latest"),
				CrashRecovery.stateOf(owner(rs)));
	}

	private static Optional<ExecutionOwner> owner(ResultSet rs) throws SQLException {
		if (rs.getString("owner_host") == null) {
			return Optional.empty();
		}
		Timestamp started = rs.getTimestamp("owner_started_at");
		return Optional.of(new ExecutionOwner(rs.getString("owner_host"), rs.getLong("owner_pid"),
				started == null ? null : started.toInstant(), rs.getObject("owner_start_ticks", Long.class)));
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toLocalDateTime();
	}

	record Page(List<ExecutionSummary> content, int page, int size, long totalElements) {

		public long totalPages() {
			return (this.totalElements + this.size - 1) / this.size;
		}

	}

	record Parameter(String name, String type, String value, boolean identifying) {

	}

	/** Steps running now, with the job they belong to: the live progress figures. */
	List<RunningStep> runningSteps() {
		return this.jdbc.query("""
				SELECT s.job_execution_id, i.job_name, s.step_name, s.read_count, s.write_count, s.start_time, p.total
				  FROM batch_step_execution s
				  JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
				  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
				  LEFT JOIN step_progress p ON p.step_execution_id = s.step_execution_id
				 WHERE s.status IN ('STARTING', 'STARTED', 'STOPPING')
				 ORDER BY s.step_execution_id
				""",
				(rs, i) -> new RunningStep(rs.getLong("job_execution_id"), rs.getString("job_name"),
						rs.getString("step_name"), rs.getLong("read_count"), rs.getLong("write_count"),
						(Long) rs.getObject("total")));
	}

	record RunningStep(long executionId, String jobName, String stepName, long readCount, long writeCount, Long total) {

		public Integer percent() {
			return this.total == null || this.total <= 0 ? null
					: (int) Math.min(100, this.readCount * 100 / this.total);
		}

	}

}
