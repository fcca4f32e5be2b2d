package org.medclaims.policy;

import java.util.Objects;

/** Money that moved out of (or back into) one person's account for a claim. */
public record AccountMovement(String personId, Account account, Money amount) {

	public AccountMovement {
		Objects.requireNonNull(personId, "personId");
		Objects.requireNonNull(account, "account");
		if (amount == null || !amount.isPositive()) {
			throw new IllegalArgumentException("An account movement is a positive amount, not " + amount + ".");
		}
	}

}
