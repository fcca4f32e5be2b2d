package org.medclaims.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.medclaims.claims.ClaimRecordsCheck;
import org.medclaims.policy.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Proves the balances from the ledger: every account's balance must equal its opening
 * balance plus what went in minus what went out (claims' payments, credits, rollovers,
 * reversals); every rollover moves as much out of the current-year account as into the
 * historical one, and every reversal returns exactly what its claim paid; and every claim
 * refers to its file, every claim line, settlement and ledger entry to a claim and every
 * entry to a person, which the bulk tables do not declare as foreign keys (V12).
 */
@Component
public class LedgerCheck {

	/** One row per person whose balance disagrees with the ledger. */
	static final String MISMATCHES = """
			SELECT p.person_id FROM person p
			LEFT JOIN (SELECT person_id,
			                  sum(CASE direction WHEN 'IN' THEN amount ELSE -amount END)
			                      FILTER (WHERE account = 'CURRENT') AS current_net,
			                  sum(CASE direction WHEN 'IN' THEN amount ELSE -amount END)
			                      FILTER (WHERE account = 'HISTORICAL') AS historical_net
			           FROM ledger_entry GROUP BY person_id) l ON l.person_id = p.person_id
			WHERE p.current_account <> p.opening_current_account + coalesce(l.current_net, 0)
			   OR p.historical_account <> p.opening_historical_account + coalesce(l.historical_net, 0)
			ORDER BY p.person_id
			""";

	/**
	 * One row per table and kind of dangling reference, with how many rows have it: the
	 * claim tables' own, then the ledger's.
	 */
	static final String ORPHANS = ClaimRecordsCheck.ORPHANS + """
			UNION ALL
			SELECT 'ledger_entry without its claim', count(*) FROM ledger_entry e
			WHERE e.claim_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (%s) c WHERE c.id = e.claim_id)
			UNION ALL
			SELECT 'ledger_entry of an unknown person', count(*) FROM ledger_entry e
			WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.person_id = e.person_id)
			""".formatted(ClaimRecordsCheck.CLAIM_IDS);

	/**
	 * One row per kind of movement that does not match its counterpart, with how many
	 * there are.
	 */
	static final String UNMATCHED = """
			SELECT 'rollover whose amount out of the current-year account differs from the amount into the historical one'
			           AS problem, count(*) AS rows
			FROM (SELECT 1 FROM ledger_entry WHERE kind = 'ROLLOVER' GROUP BY person_id, year
			      HAVING sum(amount) FILTER (WHERE direction = 'OUT')
			             IS DISTINCT FROM sum(amount) FILTER (WHERE direction = 'IN')) r
			UNION ALL
			SELECT 'reversed claim whose reversal does not return exactly what it paid from an account', count(DISTINCT claim_id)
			FROM (SELECT e.claim_id FROM (%s) r JOIN ledger_entry e ON e.claim_id = r.claim_id
			      GROUP BY e.claim_id, e.person_id, e.account
			      HAVING sum(e.amount) FILTER (WHERE e.kind = 'REVERSAL')
			             IS DISTINCT FROM sum(e.amount) FILTER (WHERE e.kind <> 'REVERSAL')) x
			UNION ALL
			SELECT 'REVERSAL entry of a claim that is not REVERSED', count(*) FROM ledger_entry e
			WHERE e.kind = 'REVERSAL' AND NOT EXISTS (SELECT 1 FROM (%s) r WHERE r.claim_id = e.claim_id)
			UNION ALL
			"""
		.formatted(ClaimRecordsCheck.REVERSAL_CLAIM_IDS, ClaimRecordsCheck.REVERSED_CLAIM_IDS)
			+ ClaimRecordsCheck.REVERSED_WITHOUT_REVERSAL;

	private final JdbcTemplate jdbc;

	LedgerCheck(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts of persons and entries checked, the totals of every kind, and what disagrees
	 * (empty when all balance).
	 */
	public Result check() {
		Map<String, Object> counts = this.jdbc.queryForMap(
				"SELECT (SELECT count(*) FROM person) AS persons, (SELECT count(*) FROM ledger_entry) AS entries");
		List<KindTotal> totals = this.jdbc
			.query("""
					SELECT kind, account, direction, count(*), sum(amount) FROM ledger_entry GROUP BY kind, account, direction
					""",
					(rs, i) -> new KindTotal(LedgerKind.valueOf(rs.getString(1)), rs.getString(2),
							LedgerDirection.valueOf(rs.getString(3)), rs.getLong(4), Money.ofFen(rs.getLong(5))))
			.stream()
			.sorted(Comparator.comparing(KindTotal::kind)
				.thenComparing(KindTotal::account)
				.thenComparing(KindTotal::direction))
			.toList();
		return new Result(((Number) counts.get("persons")).longValue(), ((Number) counts.get("entries")).longValue(),
				this.jdbc.queryForList(MISMATCHES, String.class), sentences(ORPHANS), sentences(UNMATCHED), totals);
	}

	// one sentence per problem that has rows, e.g. "2 ledger_entry without its claim"
	private List<String> sentences(String sql) {
		return this.jdbc
			.query(sql, (rs, i) -> rs.getLong(2) == 0 ? null : String.format("%,d %s", rs.getLong(2), rs.getString(1)))
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

	/** How many entries of one kind moved how much, into or out of which account. */
	public record KindTotal(LedgerKind kind, String account, LedgerDirection direction, long entries, Money amount) {
	}

	/**
	 * @param orphans one sentence per kind of dangling reference, e.g. "2 ledger_entry
	 * without its claim"
	 * @param unmatched one sentence per kind of rollover or reversal that does not match
	 * its counterpart
	 * @param totals per kind, account and direction
	 */
	public record Result(long persons, long entries, List<String> mismatches, List<String> orphans,
			List<String> unmatched, List<KindTotal> totals) {

		public boolean consistent() {
			return this.mismatches.isEmpty() && this.orphans.isEmpty() && this.unmatched.isEmpty();
		}

	}

}
