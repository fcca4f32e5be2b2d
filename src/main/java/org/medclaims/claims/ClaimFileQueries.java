package org.medclaims.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medclaims.policy.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Claim files as operators look for them, from {@code claim_file} (each file's own
 * outcome, counts and answer, whichever intake execution took it in): newest first, by
 * hospital, day received and outcome.
 */
@Repository
public class ClaimFileQueries {

	/**
	 * A file's outcome: ACCEPTED, REJECTED (a whole-file rejection), RECEIVED while its
	 * intake runs, ABANDONED when an operator gave its intake up.
	 */
	public enum Outcome {

		RECEIVED, ACCEPTED, REJECTED, ABANDONED

	}

	/**
	 * One arrival of a file. {@code rejectedClaims}: its claims rejected so far, at
	 * intake or by settlement; {@code answerName}: the .res once written, the .rej of a
	 * rejected file.
	 */
	public record ClaimFile(long id, String fileName, String hospitalCode, String hospitalName, String source,
			OffsetDateTime receivedAt, OffsetDateTime decidedAt, String status, String rejectCode, String rejectMessage,
			Integer claimCount, Integer lineCount, Money total, long rejectedClaims, String responseName,
			OffsetDateTime responseWrittenAt, String storedPath, String sha256) {

		/**
		 * The answer the hospital got: its .res, or the .rej of a rejected file; null
		 * while none is written.
		 */
		public String answerName() {
			if ("REJECTED".equals(this.status)) {
				return this.fileName + ".rej";
			}
			return this.responseName;
		}

	}

	/** One problem of a rejected file, decisive first. */
	public record Problem(String code, long lineNo, String message) {
	}

	public record Page(List<ClaimFile> rows, int page, int size, long total) {

		public long totalPages() {
			return (this.total + this.size - 1) / this.size;
		}

	}

	private static final String SELECT = """
			SELECT f.id, f.file_name, f.hospital_code, h.name AS hospital_name, f.source, f.received_at, f.decided_at,
			       f.status, f.reject_code, f.reject_message, f.claim_count, f.line_count, f.total_amount,
			       (SELECT count(*) FROM claim c WHERE c.file_id = f.id AND c.status = 'REJECTED') AS rejected_claims,
			       f.response_name, f.response_written_at, f.stored_path, f.sha256
			  FROM claim_file f LEFT JOIN hospital h ON h.code = f.hospital_code
			""";

	private final JdbcTemplate jdbc;

	ClaimFileQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Files received between {@code from} and {@code to} (days in {@code zone}, both
	 * included), of one intake batch when {@code batch} is given, newest first.
	 */
	public Page search(String hospital, LocalDate from, LocalDate to, Outcome outcome, Long batch, ZoneId zone,
			int page, int size) {
		List<String> conditions = new ArrayList<>();
		List<Object> args = new ArrayList<>();
		if (batch != null) {
			conditions.add("f.batch_id = ?");
			args.add(batch);
		}
		if (hospital != null) {
			conditions.add("f.hospital_code = ?");
			args.add(hospital);
		}
		if (from != null) {
			conditions.add("f.received_at >= ?");
			args.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
		}
		if (to != null) {
			conditions.add("f.received_at < ?");
			args.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (outcome != null) {
			conditions.add("f.status = ?");
			args.add(outcome.name());
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.queryForObject("SELECT count(*) FROM claim_file f" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<ClaimFile> rows = this.jdbc.query(SELECT + where + " ORDER BY f.id DESC LIMIT ? OFFSET ?",
				(rs, i) -> file(rs), pageArgs.toArray());
		return new Page(rows, page, size, total);
	}

	public Optional<ClaimFile> find(long id) {
		return this.jdbc.query(SELECT + " WHERE f.id = ?", (rs, i) -> file(rs), id).stream().findFirst();
	}

	public List<Problem> problems(long id) {
		return this.jdbc.query(
				"SELECT code, line_no, message FROM claim_file_problem WHERE file_id = ? ORDER BY ordinal",
				(rs, i) -> new Problem(rs.getString(1), rs.getLong(2), rs.getString(3)), id);
	}

	/** The hospitals that sent files, for the search form. */
	public List<String> hospitals() {
		return this.jdbc.queryForList(
				"SELECT DISTINCT hospital_code FROM claim_file WHERE hospital_code IS NOT NULL ORDER BY hospital_code",
				String.class);
	}

	private static ClaimFile file(ResultSet rs) throws SQLException {
		long total = rs.getLong("total_amount");
		Money amount = rs.wasNull() ? null : Money.ofFen(total);
		return new ClaimFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("hospital_code"),
				rs.getString("hospital_name"), rs.getString("source"),
				rs.getObject("received_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
				rs.getString("status"), rs.getString("reject_code"), rs.getString("reject_message"),
				rs.getObject("claim_count", Integer.class), rs.getObject("line_count", Integer.class), amount,
				rs.getLong("rejected_claims"), rs.getString("response_name"),
				rs.getObject("response_written_at", OffsetDateTime.class), rs.getString("stored_path"),
				rs.getString("sha256"));
	}

}
