package org.medclaims.settlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medclaims.policy.Amounts;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ValuationOutcome;
import org.medclaims.policy.Money;
import org.medclaims.policy.VisitType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Stored settlements read back as the claim API renders them, from facts or from the old
 * JSON form.
 */
final class StoredDetails {

	/** One settlement as stored, and what clerks read of it. */
	record Stored(long claimId, String fileName, int position, String facts, String legacyJson,
			SettlementDetails.Detail detail) {
	}

	private StoredDetails() {
	}

	/**
	 * The settlements of claims that match {@code condition} (on claim c), by file name
	 * and position.
	 */
	static List<Stored> read(JdbcTemplate jdbc, SettlementDetails details, String condition, Object... args) {
		Map<Long, List<ClaimLine>> lines = new HashMap<>();
		jdbc.query(
				"SELECT l.claim_id, l.line_no, l.item_code, l.item_name, l.unit_price, l.quantity, l.amount"
						+ " FROM claim_line l JOIN claim c ON c.id = l.claim_id WHERE " + condition
						+ " ORDER BY l.claim_id, l.position",
				(RowCallbackHandler) rs -> lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new ClaimLine(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
							rs.getBigDecimal(6), Money.ofFen(rs.getLong(7)))),
				args);
		return jdbc
			.query("""
					SELECT s.claim_id, f.file_name, c.position, c.claim_no, c.patient_id, s.status, s.codes, s.message,
					       s.policy_version, c.end_date, c.visit_type, c.special_disease_code, s.facts, s.detail,
					       s.total, s.self_pay, s.self_pay_first, s.deductible, s.segment, s.coinsurance, s.over_cap, s.fund,
					       s.current_account, s.historical_account, s.family_account, s.cash
					FROM settlement s JOIN claim c ON c.id = s.claim_id LEFT JOIN claim_file f ON f.id = c.file_id
					WHERE\s"""
					+ condition + " ORDER BY f.file_name, c.position, c.id", (rs, i) -> {
						long claimId = rs.getLong(1);
						Money[] m = new Money[12];
						for (int a = 0; a < 12; a++) {
							m[a] = Money.ofFen(rs.getLong(15 + a));
						}
						String codes = rs.getString(7);
						SettlementFacts.Row row = new SettlementFacts.Row(rs.getString(4), rs.getString(5),
								ValuationOutcome.valueOf(rs.getString(6)),
								codes.isEmpty() ? List.of() : List.of(codes.split(",")), rs.getString(8),
								rs.getString(9), rs.getObject(10, LocalDate.class), VisitType.valueOf(rs.getString(11)),
								rs.getString(12),
								new Amounts(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11]));
						String facts = rs.getString(13);
						String legacy = rs.getString(14);
						return new Stored(claimId, rs.getString(2), rs.getInt(3), facts, legacy,
								details.stored(row, facts, legacy, () -> lines.getOrDefault(claimId, List.of())));
					}, args);
	}

}
