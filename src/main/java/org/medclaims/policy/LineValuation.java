package org.medclaims.policy;

import java.util.Objects;

/**
 * Step 1 for one line. {@code selfPay} (自费) includes {@code overPrice}; amount = selfPay
 * + selfPayFirst + eligible.
 *
 * @param rule what decided it; {@link Explanation#rule} says it in words
 */
public record LineValuation(int lineNo, String itemCode, Money amount, Money selfPay, Money overPrice,
		Money selfPayFirst, Money eligible, LineRule rule) {

	public LineValuation {
		Objects.requireNonNull(rule, "rule");
	}

	/**
	 * The line split by its rule: the engine's step 1, and the same split again from
	 * stored facts.
	 */
	public static LineValuation of(ClaimLine line, LineRule rule) {
		if (!rule.inCatalog()) {
			return new LineValuation(line.lineNo(), line.itemCode(), line.amount(), line.amount(), Money.ZERO,
					Money.ZERO, Money.ZERO, rule);
		}
		Money overPrice = rule.overPrice() ? overPrice(line, rule) : Money.ZERO;
		Money base = line.amount().minus(overPrice);
		Ratio ratio = rule.selfPayRatio();
		Money selfPay = overPrice;
		Money selfPayFirst = Money.ZERO;
		Money eligible;
		if (ratio.isOne()) {
			selfPay = selfPay.plus(base);
			eligible = Money.ZERO;
		}
		else if (ratio.isZero()) {
			eligible = base;
		}
		else {
			selfPayFirst = base.times(ratio);
			eligible = base.minus(selfPayFirst);
		}
		return new LineValuation(line.lineNo(), line.itemCode(), line.amount(), selfPay, overPrice, selfPayFirst,
				eligible, rule);
	}

	/**
	 * amount − round(max × quantity), kept within [0, amount] in case an amount was not
	 * price × quantity.
	 */
	private static Money overPrice(ClaimLine line, LineRule rule) {
		Money allowed = Money.roundHalfUp(rule.maxUnitPrice().multiply(line.quantity()));
		return line.amount().minus(allowed).max(Money.ZERO).min(line.amount());
	}

}
