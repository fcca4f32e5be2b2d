package org.medclaims.settlement;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medclaims.accounts.AccountBalances;
import org.medclaims.accounts.AccountLedger;
import org.medclaims.accounts.HouseholdAccounts;
import org.medclaims.policy.Amounts;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.Money;

import org.medclaims.system.CopyRows;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what settlement decided, in the caller's transaction and under the locks of
 * {@link HouseholdAccounts}: the settlements, the ledger entries, the new balances and
 * yearly totals, and the claims' final status. A claim that is no longer waiting fails
 * the whole write, so nothing is ever settled twice.
 */
@Component
public class SettlementRecorder {

	private final JdbcTemplate jdbc;

	private final SettlementDetails details;

	private final AccountBalances balances;

	private final AccountLedger ledger;

	SettlementRecorder(JdbcTemplate jdbc, SettlementDetails details, AccountBalances balances, AccountLedger ledger) {
		this.jdbc = jdbc;
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
		// PostgreSQL keeps microseconds; the text of a COPY row says the instant the way
		// setTimestamp did
		String at = settledAt.toString();
		markFinal(claims);
		insertSettlements(claims, at, run);
		Map<Long, ClaimValuation> paid = new LinkedHashMap<>();
		claims.forEach(c -> paid.put(c.claimId(), c.valuation()));
		this.ledger.insertPayments(paid, settledAt);
		this.balances.write(state);
	}

	// one statement for the chunk: a batch of single-row UPDATEs cost a round of index
	// maintenance each
	private void markFinal(List<SettledClaim> claims) {
		List<Object> ids = new ArrayList<>(claims.size());
		List<Object> statuses = new ArrayList<>(claims.size());
		List<Object> codes = new ArrayList<>(claims.size());
		List<Object> messages = new ArrayList<>(claims.size());
		for (SettledClaim c : claims) {
			ClaimValuation v = c.valuation();
			ids.add(c.claimId());
			statuses.add(v.status().name());
			codes.add(v.rejectionCode());
			messages.add(v.settled() ? null : v.message());
		}
		int updated = this.jdbc.update("""
				UPDATE claim c SET status = v.status, reject_code = v.reject_code, reject_message = v.reject_message
				FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) AS v (id, status, reject_code, reject_message)
				WHERE c.id = v.id AND c.status = 'RECEIVED'
				""", array("bigint", ids), array("text", statuses), array("text", codes), array("text", messages));
		if (updated != claims.size()) {
			throw new IllegalStateException("A claim of this chunk is no longer waiting for settlement:"
					+ " another process settled it; the chunk is rolled back");
		}
	}

	private void insertSettlements(List<SettledClaim> claims, String at, Long run) {
		CopyRows rows = new CopyRows(
				"""
						settlement (claim_id, status, codes, message, policy_version, total, self_pay, self_pay_first, deductible,
						    segment, coinsurance, over_cap, fund, current_account, historical_account, family_account, cash,
						    facts, settled_at, job_execution_id)""");
		for (SettledClaim c : claims) {
			ClaimValuation v = c.valuation();
			Amounts a = v.amounts();
			rows.add(c.claimId())
				.add(v.status().name())
				.add(String.join(",", v.codes()))
				.add(v.message())
				.add(v.policyVersionId());
			Money[] amounts = { a.total(), a.selfPay(), a.selfPayFirst(), a.deductible(), a.segment(), a.coinsurance(),
					a.overCap(), a.fund(), a.currentAccount(), a.historicalAccount(), a.familyAccount(), a.cash() };
			for (Money amount : amounts) {
				rows.add(amount.fen());
			}
			rows.add(this.details.facts(v)).add(at).add(run).endRow();
		}
		rows.copy(this.jdbc);
	}

	private Array array(String type, List<Object> values) {
		return this.jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf(type, values.toArray()));
	}

}
