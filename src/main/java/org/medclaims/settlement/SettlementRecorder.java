package org.medclaims.settlement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medclaims.accounts.AccountBalances;
import org.medclaims.accounts.AccountLedger;
import org.medclaims.accounts.HouseholdAccounts;
import org.medclaims.claims.Settlements;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.HouseholdState;

import org.springframework.stereotype.Component;

/**
 * Writes what settlement decided, in the caller's transaction and under the locks of
 * {@link HouseholdAccounts}: the settlements, the ledger entries, the new balances and
 * yearly totals, and the claims' final status. A claim that is no longer waiting fails
 * the whole write, so nothing is ever settled twice.
 */
@Component
public class SettlementRecorder {

	private final Settlements settlements;

	private final SettlementDetails details;

	private final AccountBalances balances;

	private final AccountLedger ledger;

	SettlementRecorder(Settlements settlements, SettlementDetails details, AccountBalances balances,
			AccountLedger ledger) {
		this.settlements = settlements;
		this.details = details;
		this.balances = balances;
		this.ledger = ledger;
	}

	/** Records what a clerk settled (no settlement run). */
	public void record(List<SettledClaim> claims, HouseholdState state, Instant settledAt) {
		record(claims, state, settledAt, null);
	}

	/**
	 * @param run the job execution that settled the claims, null for a clerk's ad-hoc
	 * claim
	 */
	public void record(List<SettledClaim> claims, HouseholdState state, Instant settledAt, Long run) {
		if (claims.isEmpty()) {
			return;
		}
		List<Settlements.Settled> settled = claims.stream()
			.map(c -> new Settlements.Settled(c.claimId(), c.valuation(), this.details.facts(c.valuation())))
			.toList();
		this.settlements.markFinal(settled);
		this.settlements.insert(settled, settledAt, run);
		Map<Long, ClaimValuation> paid = new LinkedHashMap<>();
		claims.forEach(c -> paid.put(c.claimId(), c.valuation()));
		this.ledger.insertPayments(paid, settledAt);
		this.balances.write(state);
	}

}
