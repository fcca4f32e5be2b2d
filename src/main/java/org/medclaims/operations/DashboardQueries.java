package org.medclaims.operations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Today's totals, the latest files' outcomes and the steps running now, for the dashboard. */
@Repository
class DashboardQueries {

	private final JdbcTemplate jdbc;

	DashboardQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Totals today() {
		return this.jdbc.queryForObject("""
				SELECT (SELECT count(*) FROM claim WHERE created_at >= current_date) AS received,
				       (SELECT count(*) FROM claim_file WHERE received_at >= current_date AND status = 'ACCEPTED') AS files_accepted,
				       (SELECT count(*) FROM claim_file WHERE received_at >= current_date AND status = 'REJECTED') AS files_rejected,
				       (SELECT count(*) FROM claim c LEFT JOIN settlement s ON s.claim_id = c.id
				         WHERE c.status = 'REJECTED' AND coalesce(s.settled_at, c.created_at) >= current_date) AS rejected,
				       count(s.claim_id) AS settled, coalesce(sum(s.total), 0) AS total, coalesce(sum(s.fund), 0) AS fund,
				       coalesce(sum(s.current_account), 0) AS current_account,
				       coalesce(sum(s.historical_account), 0) AS historical_account,
				       coalesce(sum(s.family_account), 0) AS family_account, coalesce(sum(s.cash), 0) AS cash
				  FROM settlement s JOIN claim c ON c.id = s.claim_id AND c.status = 'SETTLED'
				 WHERE s.settled_at >= current_date
				""", (rs, i) -> new Totals(rs.getLong("received"), rs.getLong("settled"), rs.getLong("rejected"),
				rs.getLong("files_accepted"), rs.getLong("files_rejected"), yuan(rs.getLong("total")),
				yuan(rs.getLong("fund")), yuan(rs.getLong("current_account")), yuan(rs.getLong("historical_account")),
				yuan(rs.getLong("family_account")), yuan(rs.getLong("cash"))));
	}

	List<FileOutcome> latestFiles(int limit) {
		return this.jdbc.query("""
				SELECT f.id, f.file_name, f.hospital_code, f.received_at, f.status, f.reject_code, f.reject_message,
				       f.claim_count, f.response_written_at,
				       (SELECT count(*) FROM claim c WHERE c.file_id = f.id AND c.status = 'REJECTED') AS rejected_claims
				  FROM claim_file f ORDER BY f.id DESC LIMIT ?
				""", (rs, i) -> new FileOutcome(rs.getLong("id"), rs.getString("file_name"),
				rs.getString("hospital_code"), rs.getObject("received_at", OffsetDateTime.class),
				rs.getString("status"), rs.getString("reject_code"), rs.getString("reject_message"),
				(Integer) rs.getObject("claim_count"), rs.getLong("rejected_claims"),
				rs.getObject("response_written_at", OffsetDateTime.class)), limit);
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
				""", (rs, i) -> new RunningStep(rs.getLong("job_execution_id"), rs.getString("job_name"),
				rs.getString("step_name"), rs.getLong("read_count"), rs.getLong("write_count"),
				(Long) rs.getObject("total")));
	}

	static String yuan(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

	record Totals(long claimsReceived, long claimsSettled, long claimsRejected, long filesAccepted,
			long filesRejected, String total, String fund, String currentAccount, String historicalAccount,
			String familyAccount, String cash) {

	}

	record FileOutcome(long id, String fileName, String hospitalCode, OffsetDateTime receivedAt, String status,
			String rejectCode, String rejectMessage, Integer claimCount, long rejectedClaims,
			OffsetDateTime responseWrittenAt) {

	}

	record RunningStep(long executionId, String jobName, String stepName, long readCount, long writeCount,
			Long total) {

		public Integer percent() {
			return this.total == null || this.total <= 0 ? null : (int) Math.min(100, this.readCount * 100 / this.total);
		}

	}

}
