package org.medclaims.claims;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.medclaims.intake.format.ClaimFileName;
import org.medclaims.intake.format.FileProblem;
import org.medclaims.intake.format.FileValidation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code claim_file} table as the intake writes it: arrivals, their decisions and
 * problems. A decision (accepted, rejected) is written in the transaction of the file's
 * last claims; the file is moved after it commits, so a crash in between finds the
 * decision and only repeats the moves.
 */
@Repository
public class ClaimFiles {

	private static final String COLUMNS = "id, batch_id, file_name, hospital_code, file_date, seq, sha256, size_bytes,"
			+ " source, source_path, local_path, status, reject_code, charset, stored_path, received_at, decided_at";

	private final JdbcTemplate jdbc;

	ClaimFiles(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a file as it arrived, RECEIVED in the given intake batch. */
	public long record(long batchId, String fileName, String sha256, long size, String source, String sourcePath,
			Path localPath) {
		ClaimFileName name = ClaimFileName.parse(fileName).orElse(null);
		return this.jdbc.queryForObject("""
				INSERT INTO claim_file (batch_id, file_name, hospital_code, file_date, seq, sha256, size_bytes, source,
				    source_path, local_path, status)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED') RETURNING id
				""", Long.class, batchId, fileName, (name != null) ? name.hospitalCode() : null,
				(name != null) ? name.fileDate() : null, (name != null) ? name.seqText() : null, sha256, size, source,
				sourcePath, localPath.toAbsolutePath().toString());
	}

	public Arrival find(long id) {
		return this.jdbc.queryForObject("SELECT " + COLUMNS + " FROM claim_file WHERE id = ?", ClaimFiles::map, id);
	}

	/**
	 * The arrivals of a batch, in the order they were recorded (per hospital: file-name
	 * order).
	 */
	public List<Arrival> ofBatch(long batchId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM claim_file WHERE batch_id = ? ORDER BY id", ClaimFiles::map,
				batchId);
	}

	/**
	 * Arrivals whose intake has work left: undecided, or decided and not yet moved.
	 * Abandoned ones have none.
	 */
	public List<Arrival> unfinished() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM claim_file WHERE intake_finished_at IS NULL"
				+ " AND status <> 'ABANDONED' ORDER BY id", ClaimFiles::map);
	}

	/** Arrivals not decided yet (not abandoned): settlement waits for them. */
	public List<Arrival> undecided() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM claim_file WHERE intake_finished_at IS NULL"
				+ " AND status = 'RECEIVED' ORDER BY id", ClaimFiles::map);
	}

	/**
	 * An earlier arrival of the same hospital not decided yet: this one must wait for it.
	 */
	public Optional<Arrival> undecidedBefore(Arrival arrival) {
		if (arrival.hospitalCode() == null) {
			return Optional.empty();
		}
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM claim_file WHERE intake_finished_at IS NULL"
					+ " AND status = 'RECEIVED' AND hospital_code = ? AND id < ? ORDER BY id LIMIT 1", ClaimFiles::map,
					arrival.hospitalCode(), arrival.id())
			.stream()
			.findFirst();
	}

	/**
	 * Whether an unfinished arrival reads this local file (RECEIVED, or decided but not
	 * yet moved: its execution failed in between and waits for a restart).
	 */
	public boolean isUnfinished(Path localPath) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM claim_file"
						+ " WHERE intake_finished_at IS NULL AND status <> 'ABANDONED' AND local_path = ?)",
				Boolean.class, localPath.toAbsolutePath().toString()));
	}

	/** An accepted arrival with the same content: F_DUPLICATE. */
	public Optional<String> acceptedWithContent(String sha256) {
		return this.jdbc
			.query("SELECT file_name || ' (arrival ' || id || ')' FROM claim_file"
					+ " WHERE status = 'ACCEPTED' AND sha256 = ? ORDER BY id LIMIT 1", (rs, n) -> rs.getString(1),
					sha256)
			.stream()
			.findFirst();
	}

	/**
	 * An accepted arrival with the same hospital, date and seq but other content:
	 * F_SEQUENCE.
	 */
	public Optional<String> acceptedWithSequence(ClaimFileName name, String sha256) {
		return this.jdbc
			.query("SELECT file_name || ' (arrival ' || id || ')' FROM claim_file WHERE status = 'ACCEPTED'"
					+ " AND hospital_code = ? AND file_date = ? AND seq = ? AND sha256 <> ? ORDER BY id LIMIT 1",
					(rs, n) -> rs.getString(1), name.hospitalCode(), name.fileDate(), name.seqText(), sha256)
			.stream()
			.findFirst();
	}

	/**
	 * Removes what an earlier attempt staged of this file: a fresh start, or a rejection,
	 * discards it.
	 */
	public void discardStaged(long id) {
		this.jdbc.update("DELETE FROM claim_line l USING claim c WHERE l.claim_id = c.id AND c.file_id = ?", id);
		this.jdbc.update("DELETE FROM claim WHERE file_id = ?", id);
	}

	/**
	 * The file is accepted with its counts, in the caller's transaction (that of its last
	 * claims).
	 */
	public void accept(long id, FileValidation validation, Path target) {
		int updated = this.jdbc.update(
				"""
						UPDATE claim_file f SET status = 'ACCEPTED', stored_path = ?, decided_at = now(), charset = ?,
						    claim_count = ?, line_count = ?, total_amount = ?,
						    accepted_claim_count = (SELECT count(*) FROM claim c WHERE c.file_id = f.id AND c.reject_code IS NULL),
						    rejected_claim_count = (SELECT count(*) FROM claim c WHERE c.file_id = f.id AND c.reject_code IS NOT NULL)
						WHERE id = ? AND status = 'RECEIVED'
						""",
				target.toAbsolutePath().toString(), validation.charset().name(),
				Math.toIntExact(validation.claimCount()), Math.toIntExact(validation.lineCount()),
				validation.totalAmount().fen(), id);
		decided(id, updated);
	}

	/**
	 * The file is rejected with its problems, and whatever was staged of it removed, in
	 * the caller's transaction.
	 */
	public void reject(long id, FileValidation validation, Path target) {
		FileProblem decisive = validation.decisive().orElseThrow();
		List<FileProblem> problems = new ArrayList<>(validation.problems());
		if (validation.problemsTruncated()) {
			// the hospital must not take the list for all there is
			problems.add(new FileProblem(decisive.code(), 0, "More problems were found than the " + problems.size()
					+ " listed: correct these, check the whole file again, then send it under a new sequence number."));
		}
		discardStaged(id);
		int updated = this.jdbc.update("""
				UPDATE claim_file SET status = 'REJECTED', reject_code = ?, reject_message = ?, stored_path = ?,
				    charset = ?, decided_at = now()
				WHERE id = ? AND status = 'RECEIVED'
				""", decisive.code(), Texts.storable(decisive.message()), target.toAbsolutePath().toString(),
				(validation.charset() != null) ? validation.charset().name() : null, id);
		decided(id, updated);
		this.jdbc.batchUpdate(
				"INSERT INTO claim_file_problem (file_id, ordinal, code, line_no, message) VALUES (?, ?, ?, ?, ?)",
				IntStream.range(0, problems.size()).boxed().toList(), 500, (ps, i) -> {
					ps.setLong(1, id);
					ps.setInt(2, i);
					ps.setString(3, problems.get(i).code());
					ps.setLong(4, problems.get(i).lineNo());
					ps.setString(5, Texts.storable(problems.get(i).message()));
				});
	}

	private static void decided(long id, int updated) {
		if (updated != 1) {
			throw new IllegalStateException("Arrival " + id + " is no longer RECEIVED; it was decided elsewhere.");
		}
	}

	/** The intake's last action (the file moved, the reject file written) is done. */
	public void finished(long id) {
		this.jdbc.update("UPDATE claim_file SET intake_finished_at = now() WHERE id = ?", id);
	}

	/**
	 * An operator gave up the intake of a batch: its undecided arrivals are abandoned and
	 * what was staged of them removed, so they neither hold claim numbers nor keep
	 * settlement waiting.
	 * @return the arrivals abandoned now
	 */
	public List<Arrival> abandon(long batchId) {
		List<Arrival> undecided = ofBatch(batchId).stream().filter(a -> a.status() == Arrival.Status.RECEIVED).toList();
		for (Arrival arrival : undecided) {
			discardStaged(arrival.id());
			this.jdbc.update("UPDATE claim_file SET status = 'ABANDONED', decided_at = now() WHERE id = ?"
					+ " AND status = 'RECEIVED'", arrival.id());
		}
		return undecided;
	}

	/** A rejected file's problems, decisive first. */
	public List<FileProblem> problems(long id) {
		return this.jdbc.query(
				"SELECT code, line_no, message FROM claim_file_problem WHERE file_id = ? ORDER BY ordinal",
				(rs, n) -> new FileProblem(rs.getString(1), rs.getLong(2), rs.getString(3)), id);
	}

	/**
	 * Whether the intake recorded an arrival of this SFTP local copy (it did, but the
	 * fetcher crashed before noting it).
	 */
	public boolean sftpCopyRecorded(Path localCopy) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM claim_file WHERE source = 'SFTP' AND local_path = ?)", Boolean.class,
				localCopy.toString()));
	}

	private static Arrival map(ResultSet rs, int row) throws SQLException {
		String stored = rs.getString("stored_path");
		return new Arrival(rs.getLong("id"), rs.getLong("batch_id"), rs.getString("file_name"),
				rs.getString("hospital_code"), rs.getObject("file_date", LocalDate.class), rs.getString("seq"),
				rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("source"), rs.getString("source_path"),
				Path.of(rs.getString("local_path")), Arrival.Status.valueOf(rs.getString("status")),
				rs.getString("reject_code"), rs.getString("charset"), (stored != null) ? Path.of(stored) : null,
				rs.getObject("received_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class));
	}

}
