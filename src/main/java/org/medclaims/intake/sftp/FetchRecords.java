package org.medclaims.intake.sftp;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What was fetched from the inboxes ({@code sftp_fetch}) and the persistent accept-once
 * keys in the JDBC metadata store ({@code sftp:<remote path>} → modification time),
 * written together in one transaction once the local copy is complete.
 */
class FetchRecords {

	private static final String KEY_PREFIX = "sftp:";

	private final JdbcTemplate jdbc;

	private final ConcurrentMetadataStore acceptOnce;

	private final TransactionOperations transactions;

	FetchRecords(JdbcTemplate jdbc, ConcurrentMetadataStore acceptOnce, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.acceptOnce = acceptOnce;
		this.transactions = transactions;
	}

	/**
	 * The fetch of this remote file still in the inbox: recognised by path and
	 * modification time.
	 */
	Optional<Fetch> recorded(String remotePath, long mtime) {
		if (!String.valueOf(mtime).equals(this.acceptOnce.get(KEY_PREFIX + remotePath))) {
			return Optional.empty();
		}
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM sftp_fetch WHERE remote_path = ? AND remote_mtime = ?"
					+ " AND deleted_at IS NULL ORDER BY id DESC LIMIT 1", FetchRecords::map, remotePath, mtime)
			.stream()
			.findFirst();
	}

	/**
	 * Records a complete local copy; empty when another process recorded this remote file
	 * (same path and modification time) first.
	 */
	Optional<Fetch> record(String hospital, String remotePath, long mtime, long size, String sha256, Path localCopy) {
		return this.transactions.execute(tx -> {
			String key = KEY_PREFIX + remotePath;
			String previous = this.acceptOnce.putIfAbsent(key, String.valueOf(mtime));
			if (previous != null && (previous.equals(String.valueOf(mtime))
					|| !this.acceptOnce.replace(key, previous, String.valueOf(mtime)))) {
				tx.setRollbackOnly();
				return Optional.<Fetch>empty();
			}
			Long id = this.jdbc.queryForObject("""
					INSERT INTO sftp_fetch (hospital_code, remote_path, remote_mtime, size_bytes, sha256, local_path)
					VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, hospital, remotePath, mtime, size, sha256,
					localCopy.toAbsolutePath().toString());
			return Optional.of(find(id));
		});
	}

	/**
	 * The remote file is gone from the inbox: its accept-once key goes too, so a new
	 * upload is new.
	 */
	void deleted(Fetch fetch) {
		this.transactions.executeWithoutResult(tx -> {
			this.jdbc.update("UPDATE sftp_fetch SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL",
					fetch.id());
			this.acceptOnce.remove(KEY_PREFIX + fetch.remotePath());
		});
	}

	void takenIn(Fetch fetch, Long jobExecutionId, String note) {
		this.jdbc.update("UPDATE sftp_fetch SET taken_in_at = now(), job_execution_id = ?, note = ? WHERE id = ?",
				jobExecutionId, note, fetch.id());
	}

	/**
	 * Local copies recorded but not yet handed to the intake (a crash or a database fault
	 * came between).
	 */
	List<Fetch> waitingForIntake() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM sftp_fetch WHERE taken_in_at IS NULL ORDER BY local_path",
				FetchRecords::map);
	}

	Fetch find(long id) {
		return this.jdbc.queryForObject("SELECT " + COLUMNS + " FROM sftp_fetch WHERE id = ?", FetchRecords::map, id);
	}

	private static final String COLUMNS = "id, hospital_code, remote_path, remote_mtime, size_bytes, sha256, local_path";

	private static Fetch map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Fetch(rs.getLong("id"), rs.getString("hospital_code"), rs.getString("remote_path"),
				rs.getLong("remote_mtime"), rs.getLong("size_bytes"), rs.getString("sha256"),
				Path.of(rs.getString("local_path")));
	}

	record Fetch(long id, String hospital, String remotePath, long mtime, long size, String sha256, Path localPath) {
	}

}
