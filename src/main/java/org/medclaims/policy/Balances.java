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

}
