package org.medclaims.settlement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medclaims.policy.Amounts;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.FamilyPayment;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what settlement decided, in the caller's transaction and under the locks of
 * {@link HouseholdAccounts}: the settlements, the ledger entries, the new balances and yearly
 * totals, and the claims' final status. A claim that is no longer waiting fails the whole write, so
 * nothing is ever settled twice.
 */
@Component
public class SettlementRecorder {

	private final JdbcTemplate jdbc;

	private final SettlementDetails details;

	SettlementRecorder(JdbcTemplate jdbc, SettlementDetails details) {
		this.jdbc = jdbc;
		this.details = details;
	}

	public void record(List<SettledClaim> claims, HouseholdState state, Instant settledAt) {
		if (claims.isEmpty()) {
			return;
		}
		Timestamp at = Timestamp.from(settledAt);
		markFinal(claims);
		insertSettlements(claims, at);
		insertLedger(claims, at);
		List<Object[]> balances = new ArrayList<>();
		state.touchedBalances().forEach((person, b) -> balances
			.add(new Object[] { b.currentAccount().fen(), b.historicalAccount().fen(), person }));
		this.jdbc.batchUpdate("UPDATE person SET current_account = ?, historical_account = ? WHERE person_id = ?",
				balances);
		List<Object[]> years = new ArrayList<>();
		state.touchedYearTotals().forEach(t -> years.add(new Object[] { t.personId(), t.year(),
				t.totals().fundPaid().fen(), t.totals().segmentUsed().fen(), t.totals().admissions() }));
		this.jdbc.batchUpdate("""
				INSERT INTO person_year (person_id, year, fund_paid, segment_used, admissions) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (person_id, year) DO UPDATE SET fund_paid = EXCLUDED.fund_paid,
				    segment_used = EXCLUDED.segment_used, admissions = EXCLUDED.admissions
				""", years);
	}

	private void markFinal(List<SettledClaim> claims) {
		int[][] counts = this.jdbc.batchUpdate("""
				UPDATE claim SET status = ?, reject_code = ?, reject_message = ? WHERE id = ? AND status = 'RECEIVED'
				""", claims, claims.size(), (ps, c) -> {
			ClaimValuation v = c.valuation();
			ps.setString(1, v.status().name());
			ps.setString(2, v.rejectionCode());
			ps.setString(3, v.settled() ? null : v.message());
			ps.setLong(4, c.claimId());
		});
		for (int[] batch : counts) {
			for (int count : batch) {
				if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
					throw new IllegalStateException("A claim of this chunk is no longer waiting for settlement:"
							+ " another process settled it; the chunk is rolled back");
				}
			}
		}
	}

	private void insertSettlements(List<SettledClaim> claims, Timestamp at) {
		this.jdbc.batchUpdate("""
				INSERT INTO settlement (claim_id, status, codes, message, policy_version, total, self_pay,
				    self_pay_first, deductible, segment, coinsurance, over_cap, fund, current_account,
				    historical_account, family_account, cash, detail, settled_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", claims, claims.size(), (ps, c) -> {
			ClaimValuation v = c.valuation();
			Amounts a = v.amounts();
			ps.setLong(1, c.claimId());
			ps.setString(2, v.status().name());
			ps.setString(3, String.join(",", v.codes()));
			ps.setString(4, v.message());
			ps.setString(5, v.policyVersionId());
			Money[] amounts = { a.total(), a.selfPay(), a.selfPayFirst(), a.deductible(), a.segment(), a.coinsurance(),
					a.overCap(), a.fund(), a.currentAccount(), a.historicalAccount(), a.familyAccount(), a.cash() };
			for (int i = 0; i < amounts.length; i++) {
				ps.setLong(6 + i, amounts[i].fen());
			}
			ps.setString(18, this.details.toJson(v));
			ps.setTimestamp(19, at);
		});
	}

	private void insertLedger(List<SettledClaim> claims, Timestamp at) {
		List<Object[]> entries = new ArrayList<>();
		for (SettledClaim c : claims) {
			ClaimValuation v = c.valuation();
			if (!v.settled()) {
				continue;
			}
			add(entries, c.claimId(), v.patientId(), LedgerKind.CURRENT, v.amounts().currentAccount(), at);
			add(entries, c.claimId(), v.patientId(), LedgerKind.HISTORICAL, v.amounts().historicalAccount(), at);
			for (FamilyPayment payment : v.familyPayments()) {
				add(entries, c.claimId(), payment.grantorId(), LedgerKind.FAMILY, payment.amount(), at);
			}
		}
		this.jdbc.batchUpdate(
				"INSERT INTO ledger_entry (claim_id, person_id, kind, amount, created_at) VALUES (?, ?, ?, ?, ?)",
				entries);
	}

	private static void add(List<Object[]> entries, long claimId, String personId, LedgerKind kind, Money amount,
			Timestamp at) {
		if (amount.isPositive()) {
			entries.add(new Object[] { claimId, personId, kind.name(), amount.fen(), at });
		}
	}

}
