package org.medclaims.policy;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;

/**
 * One month's credit of a person's account by the contribution system (个人账户划入,
 * accounts.md).
 *
 * @param amount greater than 0 and at most {@link #MAX}
 */
public record AccountCredit(String personId, YearMonth month, Money amount) {

	/** The largest credit a row may carry: 99999.99 yuan. */
	public static final Money MAX = Money.ofFen(9_999_999);

	public AccountCredit {
		Objects.requireNonNull(personId, "personId");
		Objects.requireNonNull(month, "month");
		if (!isCreditable(amount)) {
			throw new IllegalArgumentException("A credit is above 0 and at most " + MAX + ", not " + amount + ".");
		}
	}

	public static boolean isCreditable(Money amount) {
		return amount != null && amount.isPositive() && amount.compareTo(MAX) <= 0;
	}

	/**
	 * The current-year account, unless the month's year has been rolled over: that year's
	 * current-year account no longer exists, and its money is in the historical account.
	 */
	public Account account(Set<Integer> rolledOverYears) {
		return rolledOverYears.contains(this.month.getYear()) ? Account.HISTORICAL : Account.CURRENT;
	}

}
