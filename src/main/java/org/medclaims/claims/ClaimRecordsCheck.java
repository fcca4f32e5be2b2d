package org.medclaims.claims;

/**
 * The claim tables' part of verify-ledger: their references the bulk tables do not
 * declare as foreign keys (V12), as rows of a problem and how many rows have it, and the
 * sets of claims the ledger's checks join with their entries.
 */
public final class ClaimRecordsCheck {

	/**
	 * One row (problem, rows) per kind of claim, line or settlement that refers to no
	 * file or claim.
	 */
	public static final String ORPHANS = """
			SELECT 'claim of an unknown claim file' AS problem, count(*) AS rows FROM claim c
			WHERE c.file_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM claim_file f WHERE f.id = c.file_id)
			UNION ALL
			SELECT 'claim_line without its claim', count(*) FROM claim_line l
			WHERE NOT EXISTS (SELECT 1 FROM claim c WHERE c.id = l.claim_id)
			UNION ALL
			SELECT 'settlement without its claim', count(*) FROM settlement s
			WHERE NOT EXISTS (SELECT 1 FROM claim c WHERE c.id = s.claim_id)
			""";

	/** One row (problem, rows): the REVERSED claims whose reversal is missing. */
	public static final String REVERSED_WITHOUT_REVERSAL = """
			SELECT 'REVERSED claim without its reversal', count(*) FROM claim c
			WHERE NOT c.number_in_use AND c.status = 'REVERSED'
			  AND NOT EXISTS (SELECT 1 FROM claim_reversal r WHERE r.claim_id = c.id)
			""";

	/** Every claim's {@code id}. */
	public static final String CLAIM_IDS = "SELECT id FROM claim";

	/** The {@code claim_id} of every claim a reversal was stored for. */
	public static final String REVERSAL_CLAIM_IDS = "SELECT claim_id FROM claim_reversal";

	/** The {@code claim_id} of every claim both REVERSED and with its reversal stored. */
	public static final String REVERSED_CLAIM_IDS = """
			SELECT r.claim_id FROM claim_reversal r JOIN claim c ON c.id = r.claim_id
			WHERE c.status = 'REVERSED'""";

	private ClaimRecordsCheck() {
	}

}
