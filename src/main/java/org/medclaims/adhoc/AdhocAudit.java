package org.medclaims.adhoc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit trail of ad-hoc claims: who previewed, submitted and settled what, and when.
 */
@Component
class AdhocAudit {

	enum Action {

		PREVIEWED, SUBMITTED, SETTLED, REJECTED, RESUBMITTED, REFUSED

	}

	/** One audit row as shown with the claim. */
	record Entry(Instant at, String user, String action, String detail) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AdhocAudit(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The user of the current request, from the security context. */
	static String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication.getName() == null ? "anonymous" : authentication.getName();
	}

	void record(Action action, String hospitalCode, String claimNo, Long claimId, String contentHash, String detail) {
		this.jdbc.update("""
				INSERT INTO adhoc_audit (at, username, action, hospital_code, claim_no, claim_id, content_hash, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""", Timestamp.from(this.clock.instant()), currentUser(), action.name(), hospitalCode, claimNo, claimId,
				contentHash, detail);
	}

	/**
	 * Records a preview, which changes nothing else: its transaction commits without
	 * waiting for the disk (a crash of the database server may lose the last moments'
	 * preview rows, never a settlement), so clerks' previews do not queue behind each
	 * other's WAL flushes.
	 */
	void recordPreview(String hospitalCode, String claimNo, String contentHash, String detail) {
		this.jdbc.execute("SET LOCAL synchronous_commit TO OFF");
		record(Action.PREVIEWED, hospitalCode, claimNo, null, contentHash, detail);
	}

	/** Every audit row of that claim number at that hospital, oldest first. */
	List<Entry> of(String hospitalCode, String claimNo) {
		return this.jdbc.query(
				"""
						SELECT at, username, action, detail FROM adhoc_audit WHERE hospital_code = ? AND claim_no = ? ORDER BY id
						""",
				(rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)),
				hospitalCode, claimNo);
	}

}
