package org.medclaims.settlement;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * What a claim waiting for settlement is, said once: still RECEIVED, in an accepted file
 * that is grouped into households (by this run or an earlier one) and not answered yet. A
 * response is written only once every claim of its file is final, so the unanswered files
 * hold every waiting claim and their index finds them (claim status has none: V13). The
 * grouping, the reader and the progress total all read the claims so defined.
 */
final class WaitingClaims {

	/** Claim {@code c} and its file {@code f}, the rows {@link #WAITING} reads. */
	static final String CLAIM_AND_FILE = "claim c JOIN claim_file f ON f.id = c.file_id";

	/** Claim {@code c} of file {@code f} waits for settlement. */
	static final String WAITING = "c.status = 'RECEIVED' AND f.status = 'ACCEPTED' AND f.grouped_at IS NOT NULL"
			+ " AND f.response_written_at IS NULL";

	/** The accepted files not answered yet; a run groups those not grouped yet. */
	static final String UNANSWERED_FILES = "SELECT id FROM claim_file WHERE status = 'ACCEPTED'"
			+ " AND response_written_at IS NULL";

	private WaitingClaims() {
	}

	/** The households of all waiting claims: the settlement's progress total. */
	static long households(JdbcOperations jdbc) {
		return jdbc.queryForObject("SELECT count(DISTINCT c.household_id) FROM " + CLAIM_AND_FILE + " WHERE " + WAITING,
				Long.class);
	}

}
