package org.medclaims.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Step 1: splits each line into 自费 (self-pay), 自理 (self-pay-first) and the eligible rest. */
final class LineRules {

	private LineRules() {
	}

	/** The lines' valuations and their sums. */
	record Result(List<LineValuation> lines, Money selfPay, Money selfPayFirst, Money eligible, boolean notInCatalog,
			boolean overPrice) {
	}

	static Result value(List<ClaimLine> lines, Registry registry, LocalDate serviceDate) {
		List<LineValuation> valued = new ArrayList<>(lines.size());
		long selfPay = 0;
		long selfPayFirst = 0;
		long eligible = 0;
		boolean notInCatalog = false;
		boolean overPrice = false;
		for (ClaimLine line : lines) {
			CatalogItem item = registry.catalogItem(line.itemCode(), serviceDate).orElse(null);
			LineValuation lineValuation = item == null ? valueUncatalogued(line) : valueCatalogued(line, item);
			notInCatalog |= item == null;
			overPrice |= item != null && abovePriceLimit(line, item.maxUnitPrice());
			selfPay += lineValuation.selfPay().fen();
			selfPayFirst += lineValuation.selfPayFirst().fen();
			eligible += lineValuation.eligible().fen();
			valued.add(lineValuation);
		}
		return new Result(valued, Money.ofFen(selfPay), Money.ofFen(selfPayFirst), Money.ofFen(eligible), notInCatalog,
				overPrice);
	}

	private static LineValuation valueUncatalogued(ClaimLine line) {
		return new LineValuation(line.lineNo(), line.itemCode(), line.amount(), line.amount(), Money.ZERO, Money.ZERO,
				Money.ZERO, "not in the catalog on the service date, self-pay");
	}

	private static LineValuation valueCatalogued(ClaimLine line, CatalogItem item) {
		Money overPrice = overPrice(line, item.maxUnitPrice());
		Money base = line.amount().minus(overPrice);
		Ratio ratio = item.selfPayRatio();
		String rule;
		Money selfPay = overPrice;
		Money selfPayFirst = Money.ZERO;
		Money eligible;
		if (ratio.isOne()) {
			selfPay = selfPay.plus(base);
			eligible = Money.ZERO;
			rule = "class C, self-pay";
		}
		else if (ratio.isZero()) {
			eligible = base;
			rule = "class A, fully eligible";
		}
		else {
			selfPayFirst = base.times(ratio);
			eligible = base.minus(selfPayFirst);
			rule = "class B, self-pay ratio " + ratio;
		}
		if (abovePriceLimit(line, item.maxUnitPrice())) {
			rule += "; unit price " + line.unitPrice().toPlainString() + " above the maximum "
					+ item.maxUnitPrice().toPlainString() + ", excess " + overPrice + " self-pay";
		}
		return new LineValuation(line.lineNo(), line.itemCode(), line.amount(), selfPay, overPrice, selfPayFirst,
				eligible, rule);
	}

	/** Warns W_OVER_PRICE even when rounding leaves no excess: the price itself broke the limit (最高限价). */
	private static boolean abovePriceLimit(ClaimLine line, BigDecimal maxUnitPrice) {
		return maxUnitPrice != null && line.unitPrice().compareTo(maxUnitPrice) > 0;
	}

	/** amount − round(max × quantity), kept within [0, amount] in case an amount was not price × quantity. */
	private static Money overPrice(ClaimLine line, BigDecimal maxUnitPrice) {
		if (!abovePriceLimit(line, maxUnitPrice)) {
			return Money.ZERO;
		}
		Money allowed = Money.roundHalfUp(maxUnitPrice.multiply(line.quantity()));
		return line.amount().minus(allowed).max(Money.ZERO).min(line.amount());
	}

}
