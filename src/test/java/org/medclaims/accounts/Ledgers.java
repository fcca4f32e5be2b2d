package org.medclaims.accounts;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test assertions over the ledger: the persons whose balance is not opening balance minus
 * ledger.
 */
public final class Ledgers {

	private Ledgers() {
	}

	public static List<String> inconsistentAccounts(JdbcTemplate jdbc) {
		return jdbc.queryForList(LedgerCheck.MISMATCHES, String.class);
	}

}
