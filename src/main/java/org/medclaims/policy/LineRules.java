package org.medclaims.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 1: splits each line into 自费 (self-pay), 自理 (self-pay-first) and the eligible rest.
 */
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
			LineRule rule = rule(line, item);
			LineValuation lineValuation = LineValuation.of(line, rule);
			notInCatalog |= !rule.inCatalog();
			overPrice |= rule.overPrice();
			selfPay += lineValuation.selfPay().fen();
			selfPayFirst += lineValuation.selfPayFirst().fen();
			eligible += lineValuation.eligible().fen();
			valued.add(lineValuation);
		}
		return new Result(valued, Money.ofFen(selfPay), Money.ofFen(selfPayFirst), Money.ofFen(eligible), notInCatalog,
				overPrice);
	}

	private static LineRule rule(ClaimLine line, CatalogItem item) {
		if (item == null) {
			return LineRule.NOT_IN_CATALOG;
		}
		return abovePriceLimit(line, item.maxUnitPrice())
				? new LineRule(item.selfPayRatio(), item.maxUnitPrice(), line.unitPrice())
				: LineRule.catalogued(item.selfPayRatio());
	}

	/**
	 * Warns W_OVER_PRICE even when rounding leaves no excess: the price itself broke the
	 * limit (最高限价).
	 */
	private static boolean abovePriceLimit(ClaimLine line, BigDecimal maxUnitPrice) {
		return maxUnitPrice != null && line.unitPrice().compareTo(maxUnitPrice) > 0;
	}

}
