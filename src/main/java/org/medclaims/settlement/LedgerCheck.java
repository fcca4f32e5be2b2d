package org.medclaims.settlement;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Proves the balances from the ledger: every account's balance must equal its opening balance minus
 * its ledger entries (CURRENT from the current-year account; HISTORICAL and FAMILY from the
 * historical account); and every claim refers to its file, every claim line, settlement and ledger
 * entry to a claim and every entry to a person, which the bulk tables do not declare as foreign keys (V12).
 */
@Component
public class LedgerCheck {

	/** One row per person whose balance disagrees with the ledger. */
	static final String MISMATCHES = """
			SELECT p.person_id FROM person p
			LEFT JOIN (SELECT person_id,
			                  sum(amount) FILTER (WHERE kind = 'CURRENT') AS current_paid,
			                  sum(amount) FILTER (WHERE kind IN ('HISTORICAL', 'FAMILY')) AS historical_paid
			           FROM ledger_entry GROUP BY person_id) l ON l.person_id = p.person_id
			WHERE p.current_account <> p.opening_current_account - coalesce(l.current_paid, 0)
			   OR p.historical_account <> p.opening_historical_account - coalesce(l.historical_paid, 0)
			ORDER BY p.person_id
			""";

	/** One row per table and kind of dangling reference, with how many rows have it. */
	static final String ORPHANS = """
			SELECT 'claim of an unknown claim file' AS problem, count(*) AS rows FROM claim c
			WHERE c.file_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM claim_file f WHERE f.id = c.file_id)
			UNION ALL
			SELECT 'claim_line without its claim', count(*) FROM claim_line l
			WHERE NOT EXISTS (SELECT 1 FROM claim c WHERE c.id = l.claim_id)
			UNION ALL
			SELECT 'settlement without its claim', count(*) FROM settlement s
			WHERE NOT EXISTS (SELECT 1 FROM claim c WHERE c.id = s.claim_id)
			UNION ALL
			SELECT 'ledger_entry without its claim', count(*) FROM ledger_entry e
			WHERE NOT EXISTS (SELECT 1 FROM claim c WHERE c.id = e.claim_id)
			UNION ALL
			SELECT 'ledger_entry of an unknown person', count(*) FROM ledger_entry e
			WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.person_id = e.person_id)
			""";

	private final JdbcTemplate jdbc;

	LedgerCheck(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts of persons and entries checked, and the persons that disagree (empty when all balance). */
	public Result check() {
		Map<String, Object> totals = this.jdbc.queryForMap(
				"SELECT (SELECT count(*) FROM person) AS persons, (SELECT count(*) FROM ledger_entry) AS entries");
		List<String> orphans = this.jdbc.query(ORPHANS, (rs, i) -> rs.getLong(2) == 0 ? null
				: String.format("%,d %s", rs.getLong(2), rs.getString(1)))
			.stream()
			.filter(Objects::nonNull)
			.toList();
		return new Result(((Number) totals.get("persons")).longValue(), ((Number) totals.get("entries")).longValue(),
				this.jdbc.queryForList(MISMATCHES, String.class), orphans);
	}

	/** @param orphans one sentence per kind of dangling reference, e.g. "2 ledger_entry without its claim" */
	public record Result(long persons, long entries, List<String> mismatches, List<String> orphans) {

		public boolean consistent() {
			return this.mismatches.isEmpty() && this.orphans.isEmpty();
		}

	}

}
