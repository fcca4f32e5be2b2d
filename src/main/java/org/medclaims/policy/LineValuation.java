package org.medclaims.policy;

/**
 * Step 1 for one line. {@code selfPay} (自费) includes {@code overPrice}; amount = selfPay + selfPayFirst
 * + eligible.
 *
 * @param rule what decided it, for clerks: "class B, self-pay ratio 0.10", "not in the catalog", …
 */
public record LineValuation(int lineNo, String itemCode, Money amount, Money selfPay, Money overPrice,
		Money selfPayFirst, Money eligible, String rule) {
}
