package org.medclaims.adhoc;

import java.util.List;

/**
 * A person's two accounts and yearly totals, as interfaces.md shapes {@code GET
 * /api/persons/{id}/account}.
 */
record PersonAccount(String personId, String currentAccount, String historicalAccount, List<Year> years) {

	record Year(int year, String fundPaid, String segmentUsed, int admissions) {
	}

}
