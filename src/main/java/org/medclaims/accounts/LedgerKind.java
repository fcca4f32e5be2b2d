package org.medclaims.accounts;

import org.medclaims.policy.Account;

/**
 * What moved money in or out of an account: a claim's payment (the first three), or
 * accounts.md's movements.
 */
public enum LedgerKind {

	/** 当年账户: the patient's current-year account paid for a claim. */
	CURRENT(Account.CURRENT),

	/** 历年账户: the patient's own historical account paid for a claim. */
	HISTORICAL(Account.HISTORICAL),

	/** 亲属历年账户: a grantor's historical account paid for a bound relative's claim. */
	FAMILY(Account.HISTORICAL),

	/**
	 * 个人账户划入: a monthly credit, into the current-year account (historical for a
	 * rolled-over year).
	 */
	CREDIT(null),

	/**
	 * 年终结转: out of the current-year account and into the historical account, once per
	 * person and year.
	 */
	ROLLOVER(null),

	/** 冲正: a reversed claim's payment back into the account it left. */
	REVERSAL(null);

	private final Account paidFrom;

	LedgerKind(Account paidFrom) {
		this.paidFrom = paidFrom;
	}

	/**
	 * The account a claim's payment of this kind leaves; null for the kinds that are no
	 * payment.
	 */
	public Account paidFrom() {
		return this.paidFrom;
	}

	/** A claim's payment: out of an account, tied to the claim. */
	public boolean isPayment() {
		return this.paidFrom != null;
	}

}
