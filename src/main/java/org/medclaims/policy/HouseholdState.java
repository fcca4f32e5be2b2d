package org.medclaims.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The balances and yearly accumulators of everyone a household's claims touch, loaded
 * from the ledger and changed claim after claim in settlement order (step 6). Not
 * thread-safe: one household, one thread.
 */
public final class HouseholdState {

	private final Map<String, Balances> balances = new LinkedHashMap<>();

	private final Map<PersonYear, YearTotals> yearTotals = new LinkedHashMap<>();

	private final Set<String> touchedPersons = new LinkedHashSet<>();

	private final Set<PersonYear> touchedYears = new LinkedHashSet<>();

	/** One person's accumulators of one calendar year, as the writer stores them. */
	public record PersonYear(String personId, int year) {
	}

	/** A touched accumulator row with its new totals. */
	public record PersonYearTotals(String personId, int year, YearTotals totals) {
	}

	public HouseholdState() {
	}

	public void putBalances(String personId, Balances loaded) {
		this.balances.put(Objects.requireNonNull(personId), Objects.requireNonNull(loaded));
	}

	public void putYearTotals(String personId, int year, YearTotals loaded) {
		this.yearTotals.put(new PersonYear(Objects.requireNonNull(personId), year), Objects.requireNonNull(loaded));
	}

	/** Zero balances when the person was never loaded. */
	public Balances balances(String personId) {
		return this.balances.getOrDefault(personId, Balances.ZERO);
	}

	/**
	 * Zero totals when nothing was loaded or settled for that person and year: a new year
	 * starts at zero.
	 */
	public YearTotals yearTotals(String personId, int year) {
		return this.yearTotals.getOrDefault(new PersonYear(personId, year), YearTotals.ZERO);
	}

	/**
	 * Step 6 of policy.md for a settled claim; a rejected one changes nothing. All or
	 * nothing: throws {@link IllegalStateException} and changes nothing when any balance
	 * would go below zero.
	 */
	public void apply(ClaimValuation valuation) {
		if (!valuation.settled()) {
			return;
		}
		Amounts amounts = valuation.amounts();
		Map<String, Balances> updated = new HashMap<>();
		if (valuation.insuredPatient()) {
			updated.put(valuation.patientId(),
					balances(valuation.patientId()).minus(amounts.currentAccount(), amounts.historicalAccount()));
		}
		for (FamilyPayment payment : valuation.familyPayments()) {
			Balances before = updated.getOrDefault(payment.grantorId(), balances(payment.grantorId()));
			updated.put(payment.grantorId(), before.minus(Money.ZERO, payment.amount()));
		}
		updated.forEach((personId, after) -> {
			if (after.currentAccount().isNegative() || after.historicalAccount().isNegative()) {
				// no personal ID in a message that reaches job records and screens
				throw new IllegalStateException("Claim " + valuation.claimNo()
						+ " would take an account below zero; it was valued against other balances.");
			}
		});
		if (valuation.insuredPatient()) {
			PersonYear key = new PersonYear(valuation.patientId(), valuation.year());
			int admissions = valuation.valuedAs() == VisitType.INP ? 1 : 0;
			this.yearTotals.put(key,
					yearTotals(key.personId(), key.year()).plus(amounts.fund(), amounts.segment(), admissions));
			this.touchedYears.add(key);
			this.touchedPersons.add(valuation.patientId());
		}
		this.balances.putAll(updated);
		this.touchedPersons.addAll(updated.keySet());
	}

	/**
	 * 个人账户划入: the credit goes into {@code account} (accounts.md decides which,
	 * {@link AccountCredit}).
	 */
	public void credit(String personId, Account account, Money amount) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A credit is a positive amount, not " + amount + ".");
		}
		this.balances.put(personId, balances(personId).plus(account, amount));
		this.touchedPersons.add(personId);
	}

	/**
	 * 年终结转: the whole current-year balance moves into the historical account; returns
	 * what moved.
	 */
	public Money rollOver(String personId) {
		Balances before = balances(personId);
		Money moved = before.currentAccount();
		if (moved.isPositive()) {
			this.balances.put(personId, before.rolledOver());
			this.touchedPersons.add(personId);
		}
		return moved;
	}

	/**
	 * 冲正: every movement of the claim goes back into the account it left, as that account
	 * is now, and the patient's totals of the claim's year lose the claim's fund, segment
	 * and admission. Nothing else is valued again. All or nothing: throws
	 * {@link IllegalStateException} and changes nothing when the year's totals never
	 * counted the claim.
	 */
	public void reverse(ClaimReversal reversal) {
		Map<String, Balances> updated = new HashMap<>();
		for (AccountMovement movement : reversal.movements()) {
			Balances before = updated.getOrDefault(movement.personId(), balances(movement.personId()));
			updated.put(movement.personId(), before.plus(movement.account(), movement.amount()));
		}
		if (reversal.insuredPatient()) {
			PersonYear key = new PersonYear(reversal.patientId(), reversal.year());
			YearTotals reduced = yearTotals(key.personId(), key.year())
				.minus(reversal.fund(), reversal.segment(), reversal.admission() ? 1 : 0)
				.orElseThrow(() -> new IllegalStateException("Claim " + reversal.claimNo() + " cannot be reversed:"
						+ " the totals of " + reversal.year() + " never counted it."));
			this.yearTotals.put(key, reduced);
			this.touchedYears.add(key);
			this.touchedPersons.add(key.personId());
		}
		this.balances.putAll(updated);
		this.touchedPersons.addAll(updated.keySet());
	}

	/**
	 * Everyone whose balances or accumulators a settled claim changed (or was applied
	 * to), in order.
	 */
	public Set<String> touchedPersons() {
		return Collections.unmodifiableSet(this.touchedPersons);
	}

	/** Balances of everyone loaded or touched. */
	public Map<String, Balances> allBalances() {
		return Collections.unmodifiableMap(this.balances);
	}

	/** Balances of the touched persons only, for the writer. */
	public Map<String, Balances> touchedBalances() {
		Map<String, Balances> touched = new LinkedHashMap<>();
		for (String personId : this.touchedPersons) {
			touched.put(personId, balances(personId));
		}
		return touched;
	}

	/** Every (person, year, totals) a settled claim changed, for the writer. */
	public List<PersonYearTotals> touchedYearTotals() {
		List<PersonYearTotals> rows = new ArrayList<>();
		for (PersonYear key : this.touchedYears) {
			rows.add(new PersonYearTotals(key.personId(), key.year(), this.yearTotals.get(key)));
		}
		return rows;
	}

}
