package org.medclaims.claims;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.medclaims.policy.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds claims, newest service date first (a file's claims in the file's order), with
 * their settlement: the desk's search and patient page, the API, a file's claims, a run's
 * claims and their CSV.
 */
@Repository
public class ClaimSearch {

	/** One page of a search and how many claims match in all. */
	public record Page(List<ClaimRow> rows, int page, int size, long total) {

		public long totalPages() {
			return (this.total + this.size - 1) / this.size;
		}

	}

	private static final String SELECT = """
			SELECT c.hospital_code, h.name AS hospital_name, c.claim_no, c.adhoc, c.file_id, f.file_name, c.patient_id,
			       c.patient_name, c.visit_type, c.start_date, c.end_date, c.total_amount, c.status, c.reject_code,
			       s.fund, s.current_account, s.historical_account, s.family_account, s.cash, s.settled_at
			  FROM claim c
			  LEFT JOIN hospital h ON h.code = c.hospital_code
			  LEFT JOIN claim_file f ON f.id = c.file_id
			  LEFT JOIN settlement s ON s.claim_id = c.id
			""";

	private final JdbcTemplate jdbc;

	ClaimSearch(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Page page(ClaimCriteria criteria, int page, int size) {
		Where where = where(criteria);
		long total = this.jdbc.queryForObject("SELECT count(*) FROM claim c" + where.sql(), Long.class,
				where.args().toArray());
		List<Object> args = new ArrayList<>(where.args());
		args.add(size);
		args.add((long) page * size);
		List<ClaimRow> rows = this.jdbc.query(SELECT + where.sql() + order(criteria) + " LIMIT ? OFFSET ?",
				(rs, i) -> row(rs), args.toArray());
		return new Page(rows, page, size, total);
	}

	/**
	 * Every matching claim in the search's order, one at a time: read through a cursor in
	 * a read-only transaction, so an export of a whole year holds a thousand rows at a
	 * time, not all of them.
	 */
	@Transactional(readOnly = true)
	public void each(ClaimCriteria criteria, Consumer<ClaimRow> consumer) {
		Where where = where(criteria);
		this.jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(SELECT + where.sql() + order(criteria));
			statement.setFetchSize(1000);
			for (int i = 0; i < where.args().size(); i++) {
				statement.setObject(i + 1, where.args().get(i));
			}
			return statement;
		}, (RowCallbackHandler) rs -> consumer.accept(row(rs)));
	}

	private record Where(String sql, List<Object> args) {
	}

	private static Where where(ClaimCriteria criteria) {
		List<String> conditions = new ArrayList<>();
		List<Object> args = new ArrayList<>();
		if (criteria.patientId() != null) {
			conditions.add("c.patient_id = ?");
			args.add(criteria.patientId());
		}
		if (criteria.hospital() != null) {
			conditions.add("c.hospital_code = ?");
			args.add(criteria.hospital());
		}
		if (criteria.status() != null) {
			conditions.add("c.status = ?");
			args.add(criteria.status().name());
		}
		if (criteria.from() != null) {
			conditions.add("c.end_date >= ?");
			args.add(Date.valueOf(criteria.from()));
		}
		if (criteria.to() != null) {
			conditions.add("c.end_date <= ?");
			args.add(Date.valueOf(criteria.to()));
		}
		if (criteria.fileId() != null) {
			conditions.add("c.file_id = ?");
			args.add(criteria.fileId());
		}
		if (criteria.run() != null) {
			conditions.add("c.id IN (SELECT r.claim_id FROM settlement r WHERE r.job_execution_id = ?)");
			args.add(criteria.run());
		}
		return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), args);
	}

	private static String order(ClaimCriteria criteria) {
		return criteria.fileId() != null ? " ORDER BY c.position" : " ORDER BY c.end_date DESC NULLS LAST, c.id DESC";
	}

	private static ClaimRow row(ResultSet rs) throws SQLException {
		Timestamp settledAt = rs.getTimestamp("settled_at");
		return new ClaimRow(rs.getString("hospital_code"), rs.getString("hospital_name"), rs.getString("claim_no"),
				rs.getBoolean("adhoc"), rs.getObject("file_id", Long.class), rs.getString("file_name"),
				rs.getString("patient_id"), rs.getString("patient_name"), rs.getString("visit_type"),
				rs.getObject("start_date", java.time.LocalDate.class),
				rs.getObject("end_date", java.time.LocalDate.class), Money.ofFen(rs.getLong("total_amount")),
				rs.getString("status"), rs.getString("reject_code"), money(rs, "fund"), money(rs, "current_account"),
				money(rs, "historical_account"), money(rs, "family_account"), money(rs, "cash"),
				settledAt == null ? null : settledAt.toInstant());
	}

	private static Money money(ResultSet rs, String column) throws SQLException {
		long fen = rs.getLong(column);
		return rs.wasNull() ? null : Money.ofFen(fen);
	}

}
