package org.medclaims.policy;

import java.time.LocalDate;

/** Inclusive date ranges of reference rows; a null end means open-ended. */
final class Validity {

	private Validity() {
	}

	static boolean covers(LocalDate from, LocalDate to, LocalDate day) {
		return !day.isBefore(from) && (to == null || !day.isAfter(to));
	}

}
