package org.medclaims.policy;

import java.util.Objects;

/** A person's two personal accounts: 当年账户 (current year) and 历年账户 (historical). */
public record Balances(Money currentAccount, Money historicalAccount) {

	public static final Balances ZERO = new Balances(Money.ZERO, Money.ZERO);

	public Balances {
		Objects.requireNonNull(currentAccount, "currentAccount");
		Objects.requireNonNull(historicalAccount, "historicalAccount");
	}

	Balances minus(Money current, Money historical) {
		return new Balances(this.currentAccount.minus(current), this.historicalAccount.minus(historical));
	}

	Balances plus(Account account, Money amount) {
		return account == Account.CURRENT ? new Balances(this.currentAccount.plus(amount), this.historicalAccount)
				: new Balances(this.currentAccount, this.historicalAccount.plus(amount));
	}

	/** 年终结转: the current-year account emptied into the historical account. */
	Balances rolledOver() {
		return new Balances(Money.ZERO, this.historicalAccount.plus(this.currentAccount));
	}

}
