package org.medclaims.accounts;

import java.time.Instant;

/**
 * A claim's reversal (冲正) as the claim API and the desk show it: who, when, why, and what
 * went back into each account (yuan, two decimals).
 */
public record Reversal(String reason, String reversedBy, Instant reversedAt, String currentAccount,
		String historicalAccount, String familyAccount) {
}
