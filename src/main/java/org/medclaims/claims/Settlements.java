package org.medclaims.claims;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medclaims.policy.Amounts;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.Money;
import org.medclaims.system.CopyRows;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The settlements written: waiting claims made final and their settlement rows stored, in
 * the caller's transaction.
 */
@Repository
public class Settlements {

	/**
	 * A waiting claim as the policy engine decided it, with the facts
	 * {@code settlement.facts} stores (null for a rejected claim).
	 */
	public record Settled(long claimId, ClaimValuation valuation, String facts) {
	}

	private final JdbcTemplate jdbc;

	Settlements(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sets the claims' final status; a claim that is no longer waiting fails it, so
	 * nothing is ever settled twice.
	 */
	public void markFinal(List<Settled> claims) {
		// one statement for the chunk: a batch of single-row UPDATEs cost a round of
		// index maintenance each
		List<Object> ids = new ArrayList<>(claims.size());
		List<Object> statuses = new ArrayList<>(claims.size());
		List<Object> codes = new ArrayList<>(claims.size());
		List<Object> messages = new ArrayList<>(claims.size());
		for (Settled c : claims) {
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

	/**
	 * Stores the claims' settlements.
	 * @param run the job execution that settled the claims, null for a clerk's ad-hoc
	 * claim
	 */
	public void insert(List<Settled> claims, Instant settledAt, Long run) {
		// PostgreSQL keeps microseconds; the text of a COPY row says the instant the way
		// setTimestamp did
		String at = settledAt.toString();
		CopyRows rows = new CopyRows(
				"""
						settlement (claim_id, status, codes, message, policy_version, total, self_pay, self_pay_first, deductible,
						    segment, coinsurance, over_cap, fund, current_account, historical_account, family_account, cash,
						    facts, settled_at, job_execution_id)""");
		for (Settled c : claims) {
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
			rows.add(c.facts()).add(at).add(run).endRow();
		}
		rows.copy(this.jdbc);
	}

	private Array array(String type, List<Object> values) {
		return this.jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf(type, values.toArray()));
	}

}
