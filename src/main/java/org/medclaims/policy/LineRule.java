package org.medclaims.policy;

import java.math.BigDecimal;

/**
 * What decided one line's split (step 1), as facts: the catalog's self-pay ratio on the
 * service date, and the maximum unit price (最高限价) when the line's unit price broke it.
 * The catalog may be imported again later, so a stored valuation keeps these rather than
 * the item code's row.
 *
 * @param selfPayRatio the catalog row's ratio: 0 class A, 1 class C, between class B;
 * null when the item was not in the catalog on the service date
 * @param maxUnitPrice null unless {@code unitPrice} was above it
 * @param unitPrice the line's unit price as valued (its scale is what clerks read); null
 * unless above the maximum
 */
public record LineRule(Ratio selfPayRatio, BigDecimal maxUnitPrice, BigDecimal unitPrice) {

	public static final LineRule NOT_IN_CATALOG = new LineRule(null, null, null);

	public LineRule {
		if ((maxUnitPrice == null) != (unitPrice == null) || (selfPayRatio == null && maxUnitPrice != null)) {
			throw new IllegalArgumentException(
					"A maximum unit price is kept with the catalogued line's unit price above it.");
		}
	}

	/**
	 * The rule of a catalogued line whose unit price stayed within its maximum (or that
	 * has none).
	 */
	public static LineRule catalogued(Ratio selfPayRatio) {
		return new LineRule(selfPayRatio, null, null);
	}

	public boolean inCatalog() {
		return this.selfPayRatio != null;
	}

	public boolean overPrice() {
		return this.maxUnitPrice != null;
	}

}
