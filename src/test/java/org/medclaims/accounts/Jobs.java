package org.medclaims.accounts;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test support: a fresh job repository, for tests whose job instances (one per year or file) must not carry over. */
final class Jobs {

	private Jobs() {
	}

	static void forgetAll(JdbcTemplate jdbc) {
		jdbc.execute("TRUNCATE batch_job_instance CASCADE");
	}

}
