package org.medclaims.accounts;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.medclaims.policy.Account;
import org.medclaims.policy.AccountCredit;
import org.medclaims.policy.AccountMovement;
import org.medclaims.policy.Balances;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.FamilyPayment;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.Money;
import org.medclaims.policy.YearTotals;
import org.medclaims.system.CopyRows;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger entries that are no claim's payment: credits, rollovers and reversals
 * (accounts.md), and the account rows they lock. Every method runs in the caller's
 * transaction.
 */
@Repository
public class AccountLedger {

	private final JdbcTemplate jdbc;

	AccountLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the account rows of these persons, as settlement and ad-hoc claims do
	 * ({@code HouseholdAccounts}): {@code FOR UPDATE} in person-ID order, so no two
	 * lockers deadlock. Persons not in the registry are left out.
	 */
	public HouseholdState lock(Collection<String> personIds) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Account rows can only be locked inside a transaction");
		}
		HouseholdState state = new HouseholdState();
		this.jdbc.query("""
				SELECT person_id, current_account, historical_account FROM person
				WHERE person_id = ANY (?) ORDER BY person_id FOR UPDATE
				""",
				(RowCallbackHandler) rs -> state.putBalances(rs.getString(1),
						new Balances(Money.ofFen(rs.getLong(2)), Money.ofFen(rs.getLong(3)))),
				array("text", new TreeSet<>(personIds)));
		return state;
	}

	/**
	 * Loads a person's totals of one year into the state (nothing when the year has none
	 * yet).
	 */
	public void loadYearTotals(HouseholdState state, String personId, int year) {
		this.jdbc.query("SELECT fund_paid, segment_used, admissions FROM person_year WHERE person_id = ? AND year = ?",
				(RowCallbackHandler) rs -> state.putYearTotals(personId, year,
						new YearTotals(Money.ofFen(rs.getLong(1)), Money.ofFen(rs.getLong(2)), rs.getInt(3))),
				personId, year);
	}

	/**
	 * Which of these persons are in the registry (persons.csv): only they have accounts
	 * to credit.
	 */
	public Set<String> registered(Collection<String> personIds) {
		return new HashSet<>(this.jdbc.queryForList("SELECT person_id FROM person WHERE person_id = ANY (?)",
				String.class, array("text", personIds)));
	}

	/** The credits already made for these persons and months, by person and month. */
	public Map<CreditKey, Money> credited(Collection<CreditKey> keys) {
		List<Object> persons = new ArrayList<>(keys.size());
		List<Object> months = new ArrayList<>(keys.size());
		for (CreditKey key : keys) {
			persons.add(key.personId());
			months.add(key.month().atDay(1).toString());
		}
		Map<CreditKey, Money> credited = new HashMap<>();
		this.jdbc.query("""
				SELECT e.person_id, e.month, e.amount FROM unnest(?::text[], ?::text[]) AS k (person_id, month)
				JOIN ledger_entry e ON e.kind = 'CREDIT' AND e.person_id = k.person_id AND e.month = k.month::date
				""",
				(RowCallbackHandler) rs -> credited.put(
						new CreditKey(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class))),
						Money.ofFen(rs.getLong(3))),
				array("text", persons), array("text", months));
		return credited;
	}

	/**
	 * The payments of settled claims, in the order given: one OUT entry per account that
	 * paid, the patient's current and historical ones and each granting family member's.
	 */
	public void insertPayments(Map<Long, ClaimValuation> claims, Instant at) {
		CopyRows rows = new CopyRows(
				"ledger_entry (claim_id, person_id, kind, direction, account, amount, created_at)");
		claims.forEach((claimId, v) -> {
			if (v.settled()) {
				payment(rows, claimId, v.patientId(), LedgerKind.CURRENT, v.amounts().currentAccount(), at);
				payment(rows, claimId, v.patientId(), LedgerKind.HISTORICAL, v.amounts().historicalAccount(), at);
				for (FamilyPayment family : v.familyPayments()) {
					payment(rows, claimId, family.grantorId(), LedgerKind.FAMILY, family.amount(), at);
				}
			}
		});
		rows.copy(this.jdbc);
	}

	private static void payment(CopyRows rows, long claimId, String personId, LedgerKind kind, Money amount,
			Instant at) {
		if (amount.isPositive()) {
			rows.add(claimId)
				.add(personId)
				.add(kind.name())
				.add(LedgerDirection.OUT.name())
				.add(kind.paidFrom().name())
				.add(amount.fen())
				.add(at)
				.endRow();
		}
	}

	/** One CREDIT entry per credit, into the account given. */
	public void insertCredits(Map<AccountCredit, Account> credits, Instant at) {
		CopyRows rows = new CopyRows("ledger_entry (person_id, kind, direction, account, month, amount, created_at)");
		credits.forEach((credit, account) -> rows.add(credit.personId())
			.add(LedgerKind.CREDIT.name())
			.add(LedgerDirection.IN.name())
			.add(account.name())
			.add(credit.month().atDay(1))
			.add(credit.amount().fen())
			.add(at)
			.endRow());
		rows.copy(this.jdbc);
	}

	/** Which of these persons the rollover of the year has already moved. */
	public Set<String> rolledOver(Collection<String> personIds, int year) {
		return new HashSet<>(this.jdbc.queryForList("""
				SELECT person_id FROM ledger_entry WHERE kind = 'ROLLOVER' AND year = ? AND account = 'CURRENT'
				AND person_id = ANY (?)
				""", String.class, year, array("text", personIds)));
	}

	/**
	 * Two ROLLOVER entries per person: out of the current-year account, into the
	 * historical account.
	 */
	public void insertRollovers(Map<String, Money> moved, int year, Instant at) {
		CopyRows rows = new CopyRows("ledger_entry (person_id, kind, direction, account, year, amount, created_at)");
		moved.forEach((personId, amount) -> {
			rows.add(personId)
				.add(LedgerKind.ROLLOVER.name())
				.add(LedgerDirection.OUT.name())
				.add(Account.CURRENT.name())
				.add(year)
				.add(amount.fen())
				.add(at)
				.endRow();
			rows.add(personId)
				.add(LedgerKind.ROLLOVER.name())
				.add(LedgerDirection.IN.name())
				.add(Account.HISTORICAL.name())
				.add(year)
				.add(amount.fen())
				.add(at)
				.endRow();
		});
		rows.copy(this.jdbc);
	}

	/**
	 * What a claim paid from each account (its CURRENT, HISTORICAL and FAMILY entries).
	 */
	public List<AccountMovement> payments(long claimId) {
		return this.jdbc.query("""
				SELECT person_id, account, amount FROM ledger_entry
				WHERE claim_id = ? AND kind IN ('CURRENT', 'HISTORICAL', 'FAMILY') ORDER BY id
				""", (rs, i) -> new AccountMovement(rs.getString(1), Account.valueOf(rs.getString(2)),
				Money.ofFen(rs.getLong(3))), claimId);
	}

	/** One REVERSAL entry per payment of the claim, back into the account it left. */
	public void insertReversal(long claimId, List<AccountMovement> payments, Instant at) {
		for (AccountMovement payment : payments) {
			this.jdbc.update("""
					INSERT INTO ledger_entry (claim_id, person_id, kind, direction, account, amount, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""", claimId, payment.personId(), LedgerKind.REVERSAL.name(), LedgerDirection.IN.name(),
					payment.account().name(), payment.amount().fen(), Timestamp.from(at));
		}
	}

	/**
	 * What a claim's reversal returned: into the patient's current-year and historical
	 * accounts, and the grantors'.
	 */
	public Returned returned(long claimId, String patientId) {
		return this.jdbc.queryForObject("""
				SELECT coalesce(sum(amount) FILTER (WHERE account = 'CURRENT'), 0),
				       coalesce(sum(amount) FILTER (WHERE account = 'HISTORICAL' AND person_id = ?), 0),
				       coalesce(sum(amount) FILTER (WHERE account = 'HISTORICAL' AND person_id <> ?), 0)
				FROM ledger_entry WHERE claim_id = ? AND kind = 'REVERSAL'
				""", (rs, i) -> new Returned(Money.ofFen(rs.getLong(1)), Money.ofFen(rs.getLong(2)),
				Money.ofFen(rs.getLong(3))), patientId, patientId, claimId);
	}

	private Array array(String type, Collection<?> values) {
		return this.jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf(type, values.toArray()));
	}

	/** What went back into each kind of account. */
	public record Returned(Money currentAccount, Money historicalAccount, Money familyAccount) {
	}

	/** A person's credit of one month: at most one exists. */
	public record CreditKey(String personId, YearMonth month) {
	}

}
