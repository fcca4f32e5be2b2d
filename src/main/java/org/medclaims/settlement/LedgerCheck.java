package org.medclaims.settlement;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Proves the balances from the ledger: every account's balance must equal its opening balance minus
 * its ledger entries (CURRENT from the current-year account; HISTORICAL and FAMILY from the
 * historical account).
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

	private final JdbcTemplate jdbc;

	LedgerCheck(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts of persons and entries checked, and the persons that disagree (empty when all balance). */
	public Result check() {
		Map<String, Object> totals = this.jdbc.queryForMap(
				"SELECT (SELECT count(*) FROM person) AS persons, (SELECT count(*) FROM ledger_entry) AS entries");
		return new Result(((Number) totals.get("persons")).longValue(), ((Number) totals.get("entries")).longValue(),
				this.jdbc.queryForList(MISMATCHES, String.class));
	}

	public record Result(long persons, long entries, List<String> mismatches) {

		public boolean consistent() {
			return this.mismatches.isEmpty();
		}

	}

}
