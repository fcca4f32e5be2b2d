package org.medclaims.claims;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.medclaims.policy.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Claims and settlements counted: today's totals and the days' settlements, for the
 * dashboard; files and claims by status, for the metrics.
 */
@Repository
public class ClaimTotals {

	private final JdbcTemplate jdbc;

	ClaimTotals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Since midnight in the zone people read times in. */
	public Totals today(ZoneId zone) {
		Timestamp midnight = Timestamp.from(LocalDate.now(zone).atStartOfDay(zone).toInstant());
		return this.jdbc.queryForObject(
				"""
						SELECT (SELECT count(*) FROM claim WHERE created_at >= ?) AS received,
						       (SELECT count(*) FROM claim_file WHERE received_at >= ? AND status = 'ACCEPTED') AS files_accepted,
						       (SELECT count(*) FROM claim_file WHERE received_at >= ? AND status = 'REJECTED') AS files_rejected,
						       (SELECT count(*) FROM claim c LEFT JOIN settlement s ON s.claim_id = c.id
						         WHERE c.status = 'REJECTED' AND coalesce(s.settled_at, c.created_at) >= ?) AS rejected,
						       count(s.claim_id) AS settled, coalesce(sum(s.total), 0) AS total, coalesce(sum(s.fund), 0) AS fund,
						       coalesce(sum(s.current_account), 0) AS current_account,
						       coalesce(sum(s.historical_account), 0) AS historical_account,
						       coalesce(sum(s.family_account), 0) AS family_account, coalesce(sum(s.cash), 0) AS cash
						  FROM settlement s JOIN claim c ON c.id = s.claim_id AND c.status = 'SETTLED'
						 WHERE s.settled_at >= ?
						""",
				(rs, i) -> new Totals(rs.getLong("received"), rs.getLong("settled"), rs.getLong("rejected"),
						rs.getLong("files_accepted"), rs.getLong("files_rejected"), yuan(rs.getLong("total")),
						yuan(rs.getLong("fund")), yuan(rs.getLong("current_account")),
						yuan(rs.getLong("historical_account")), yuan(rs.getLong("family_account")),
						yuan(rs.getLong("cash"))),
				midnight, midnight, midnight, midnight, midnight);
	}

	/**
	 * Claims settled and fund paid per day (in {@code zone}) from {@code first} to today;
	 * days without any left out.
	 */
	public List<Day> settledPerDay(ZoneId zone, LocalDate first) {
		return this.jdbc.query("""
				SELECT (s.settled_at AT TIME ZONE ?)::date AS day, count(*), sum(s.fund)
				  FROM settlement s WHERE s.settled_at >= ? AND s.status = 'SETTLED'
				 GROUP BY 1 ORDER BY 1
				""", (rs, i) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), Money.ofFen(rs.getLong(3))),
				zone.getId(), Timestamp.from(first.atStartOfDay(zone).toInstant()));
	}

	/** How many claims have that status now. */
	public long claims(ClaimStatus status) {
		return this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = ?", Long.class, status.name());
	}

	/** How many claim files have that status now. */
	public long files(Arrival.Status status) {
		return this.jdbc.queryForObject("SELECT count(*) FROM claim_file WHERE status = ?", Long.class, status.name());
	}

	/**
	 * A scalar subquery counting the REJECTED claims of one intake batch, whose id the
	 * SQL expression {@code batchId} gives: the executions' list shows it beside each
	 * intake.
	 */
	public static String rejectedInBatch(String batchId) {
		return """
				(SELECT count(*) FROM claim c JOIN claim_file f ON f.id = c.file_id
				  WHERE c.status = 'REJECTED'
				    AND f.batch_id = %s)""".formatted(batchId);
	}

	public static String yuan(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

	public record Totals(long claimsReceived, long claimsSettled, long claimsRejected, long filesAccepted,
			long filesRejected, String total, String fund, String currentAccount, String historicalAccount,
			String familyAccount, String cash) {

	}

	public record Day(LocalDate day, long settled, Money fund) {

	}

}
