package org.medclaims.intake.format;

import java.util.List;
import java.util.Objects;

import org.medclaims.policy.Money;

/**
 * One {@code R} record of a response file: a claim's outcome.
 *
 * @param status {@code SETTLED} or {@code REJECTED}
 * @param codes the error code of a rejected claim, or the warnings of a settled one
 */
public record ResponseRow(String claimNo, String status, Money total, Money selfPay, Money selfPayFirst,
		Money deductible, Money segment, Money coinsurance, Money overCap, Money fund, Money currentAccount,
		Money historicalAccount, Money familyAccount, Money cash, List<String> codes, String message) {

	public static final String SETTLED = "SETTLED";

	public static final String REJECTED = "REJECTED";

	public ResponseRow {
		Objects.requireNonNull(claimNo, "claimNo");
		if (!SETTLED.equals(status) && !REJECTED.equals(status)) {
			throw new IllegalArgumentException("status must be SETTLED or REJECTED: " + status);
		}
		for (Money amount : List.of(total, selfPay, selfPayFirst, deductible, segment, coinsurance, overCap, fund,
				currentAccount, historicalAccount, familyAccount, cash)) {
			Objects.requireNonNull(amount, "amounts");
		}
		codes = List.copyOf(codes);
		message = (message != null) ? message : "";
	}

	/** A rejected claim: its declared total, zeros elsewhere. */
	public static ResponseRow rejected(String claimNo, Money declaredTotal, String code, String message) {
		Money z = Money.ZERO;
		return new ResponseRow(claimNo, REJECTED, declaredTotal, z, z, z, z, z, z, z, z, z, z, z, List.of(code),
				message);
	}

	public boolean settled() {
		return SETTLED.equals(this.status);
	}

}
