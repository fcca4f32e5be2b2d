package org.medclaims.claims;

import java.util.Optional;

import org.medclaims.policy.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The money a settlement run moved: summed from the settlements its writer recorded
 * (settlement.job_execution_id).
 */
@Repository
public class SettlementRunMoney {

	/**
	 * Claims the run settled and rejected, and every payer's share of what it settled.
	 */
	public record Totals(long settled, long rejected, Money total, Money fund, Money currentAccount,
			Money historicalAccount, Money familyAccount, Money cash) {
	}

	private final JdbcTemplate jdbc;

	SettlementRunMoney(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Empty when the execution settled nothing (yet). */
	public Optional<Totals> of(long jobExecutionId) {
		return this.jdbc
			.query("""
					SELECT count(*) FILTER (WHERE status = 'SETTLED'), count(*) FILTER (WHERE status = 'REJECTED'),
					       coalesce(sum(total) FILTER (WHERE status = 'SETTLED'), 0), coalesce(sum(fund), 0),
					       coalesce(sum(current_account), 0), coalesce(sum(historical_account), 0),
					       coalesce(sum(family_account), 0), coalesce(sum(cash) FILTER (WHERE status = 'SETTLED'), 0)
					  FROM settlement WHERE job_execution_id = ?
					""",
					(rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), Money.ofFen(rs.getLong(3)),
							Money.ofFen(rs.getLong(4)), Money.ofFen(rs.getLong(5)), Money.ofFen(rs.getLong(6)),
							Money.ofFen(rs.getLong(7)), Money.ofFen(rs.getLong(8))),
					jobExecutionId)
			.stream()
			.filter(t -> t.settled() + t.rejected() > 0)
			.findFirst();
	}

}
