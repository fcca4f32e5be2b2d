package org.medclaims.settlement;

import java.util.List;

/**
 * The settlement step's item: the claims of one household (patients connected by family
 * bindings) waiting for settlement, in settlement order.
 */
record Household(long id, List<WaitingClaim> claims) {
}
