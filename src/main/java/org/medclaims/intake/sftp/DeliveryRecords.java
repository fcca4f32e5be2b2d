package org.medclaims.intake.sftp;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers sent to the outboxes ({@code sftp_delivery}), keyed by hospital, file name and
 * content hash.
 */
class DeliveryRecords {

	private final JdbcTemplate jdbc;

	DeliveryRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether this very local file (name, size, modification time) was delivered: no need
	 * to hash it again.
	 */
	boolean deliveredUnchanged(String hospital, String fileName, long size, long localMtime) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM sftp_delivery WHERE hospital_code = ? AND file_name = ?
				               AND size_bytes = ? AND local_mtime = ? AND delivered_at IS NOT NULL)""", Boolean.class,
				hospital, fileName, size, localMtime));
	}

	/** The delivery of this content, started or done. */
	Optional<Delivery> find(String hospital, String fileName, String sha256) {
		return this.jdbc
			.query("""
					SELECT id, delivered_at IS NOT NULL AS delivered, attempts FROM sftp_delivery
					WHERE hospital_code = ? AND file_name = ? AND sha256 = ?""",
					(rs, row) -> new Delivery(rs.getLong("id"), rs.getBoolean("delivered"), rs.getInt("attempts")),
					hospital, fileName, sha256)
			.stream()
			.findFirst();
	}

	/** Before the upload: an upload cut short is then recognised on the next poll. */
	Delivery started(String hospital, String fileName, String sha256, long size, long localMtime, String remotePath) {
		Long id = this.jdbc.queryForObject(
				"""
						INSERT INTO sftp_delivery (hospital_code, file_name, sha256, size_bytes, local_mtime, remote_path, attempts)
						VALUES (?, ?, ?, ?, ?, ?, 1)
						ON CONFLICT (hospital_code, file_name, sha256)
						DO UPDATE SET attempts = sftp_delivery.attempts + 1, local_mtime = EXCLUDED.local_mtime
						RETURNING id""",
				Long.class, hospital, fileName, sha256, size, localMtime, remotePath);
		return new Delivery(id, false, 0);
	}

	/**
	 * The same content seen again with another modification time: remember it so it is
	 * not hashed again.
	 */
	void touched(Delivery delivery, long localMtime) {
		this.jdbc.update("UPDATE sftp_delivery SET local_mtime = ? WHERE id = ?", localMtime, delivery.id());
	}

	void delivered(Delivery delivery) {
		this.jdbc.update("UPDATE sftp_delivery SET delivered_at = now(), last_error = NULL WHERE id = ?",
				delivery.id());
	}

	void failed(Delivery delivery, String error) {
		this.jdbc.update("UPDATE sftp_delivery SET last_error = ? WHERE id = ?", error, delivery.id());
	}

	record Delivery(long id, boolean delivered, int attempts) {
	}

}
