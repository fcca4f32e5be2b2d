package org.medclaims.claims;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medclaims.policy.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code claim_reversal}, and the claim a reversal changes: who reversed what, when and
 * why.
 */
@Repository
public class ClaimReversals {

	/**
	 * A claim as a reversal needs it.
	 *
	 * @param fund the fund share its settlement counted in the year's totals (0 without
	 * settlement)
	 */
	public record ReversibleClaim(long id, String hospitalCode, String claimNo, ClaimStatus status, String patientId,
			LocalDate serviceDate, String visitType, Money fund, Money segment) {
	}

	/** What the reversal stored. */
	public record Stored(String reason, String reversedBy, Instant reversedAt) {
	}

	private final JdbcTemplate jdbc;

	ClaimReversals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ReversibleClaim> claim(long claimId) {
		return this.jdbc
			.query("""
					SELECT c.id, c.hospital_code, c.claim_no, c.status, c.patient_id, c.end_date, c.visit_type, s.fund, s.segment
					FROM claim c LEFT JOIN settlement s ON s.claim_id = c.id WHERE c.id = ?
					""",
					(rs, i) -> new ReversibleClaim(rs.getLong(1), rs.getString(2), rs.getString(3),
							ClaimStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
							rs.getString(7), Money.ofFen(rs.getLong(8)), Money.ofFen(rs.getLong(9))),
					claimId)
			.stream()
			.findFirst();
	}

	/** The claim is REVERSED, by whom, when and why; it must have been SETTLED. */
	public void markReversed(long claimId, String reason, String user, Instant at) {
		int updated = this.jdbc.update("UPDATE claim SET status = ? WHERE id = ? AND status = ?",
				ClaimStatus.REVERSED.name(), claimId, ClaimStatus.SETTLED.name());
		if (updated != 1) {
			throw new IllegalStateException("Claim " + claimId + " is no longer SETTLED: another reversal changed it;"
					+ " nothing was reversed.");
		}
		this.jdbc.update("INSERT INTO claim_reversal (claim_id, reason, reversed_by, reversed_at) VALUES (?, ?, ?, ?)",
				claimId, reason, user, Timestamp.from(at));
	}

	public Optional<Stored> stored(long claimId) {
		return this.jdbc
			.query("SELECT reason, reversed_by, reversed_at FROM claim_reversal WHERE claim_id = ?",
					(rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), claimId)
			.stream()
			.findFirst();
	}

	/**
	 * Reversals of a hospital code (all when null) made between two days of {@code zone},
	 * both included, oldest first.
	 */
	public List<ReversalRow> report(String hospitalCode, LocalDate from, LocalDate to, ZoneId zone) {
		StringBuilder sql = new StringBuilder(
				"""
						SELECT c.hospital_code, c.claim_no, c.patient_id, c.visit_type, c.end_date, s.total, s.fund, s.current_account,
						       s.historical_account, s.family_account, s.cash, r.reason, r.reversed_by, r.reversed_at
						FROM claim_reversal r JOIN claim c ON c.id = r.claim_id JOIN settlement s ON s.claim_id = r.claim_id
						WHERE true""");
		List<Object> arguments = new ArrayList<>();
		if (hospitalCode != null) {
			sql.append(" AND c.hospital_code = ?");
			arguments.add(hospitalCode);
		}
		if (from != null) {
			sql.append(" AND r.reversed_at >= ?");
			arguments.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
		}
		if (to != null) {
			sql.append(" AND r.reversed_at < ?");
			arguments.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
		}
		sql.append(" ORDER BY r.reversed_at, c.id");
		return this.jdbc.query(sql.toString(),
				(rs, i) -> new ReversalRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						String.valueOf(rs.getObject(5, LocalDate.class)), yuan(rs.getLong(6)), yuan(rs.getLong(7)),
						yuan(rs.getLong(8)), yuan(rs.getLong(9)), yuan(rs.getLong(10)), yuan(rs.getLong(11)),
						rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant().toString()),
				arguments.toArray());
	}

	private static String yuan(long fen) {
		return Money.ofFen(fen).toString();
	}

}
