package org.medclaims.settlement;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test assertions over the ledger: the persons whose balance is not opening balance minus
 * ledger.
 */
final class Ledgers {

	private Ledgers() {
	}

	static List<String> inconsistentAccounts(JdbcTemplate jdbc) {
		return jdbc.queryForList(LedgerCheck.MISMATCHES, String.class);
	}

}
