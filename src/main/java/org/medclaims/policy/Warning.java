package org.medclaims.policy;

/**
 * Warnings of a settled claim; they never reject. Declaration order is the order they are
 * reported in.
 */
public enum Warning {

	/** An item not in the catalog on the service date: its amount is 自费. */
	W_NOT_IN_CATALOG,

	/** A unit price above the catalog's maximum: the excess is 自费. */
	W_OVER_PRICE,

	/** An SPD claim without a valid certification: valued as outpatient. */
	W_NOT_CERTIFIED,

	/** The fund's share went over the annual fund cap (封顶线). */
	W_OVER_CAP

}
