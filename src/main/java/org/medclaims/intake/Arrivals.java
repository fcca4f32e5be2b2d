package org.medclaims.intake;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code claim_file} table. A decision (accepted, rejected) commits on its own before the
 * file is moved, so a crash after it finds the decision and only repeats the moves.
 */
@Repository
class Arrivals {

	private static final String COLUMNS = "id, file_name, hospital_code, file_date, seq, sha256, size_bytes, source,"
			+ " source_path, local_path, status, reject_code, charset, stored_path, received_at, decided_at";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	Arrivals(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	long record(String fileName, String sha256, long size, String source, String sourcePath, Path localPath) {
		ClaimFileName name = ClaimFileName.parse(fileName).orElse(null);
		return this.jdbc.queryForObject("""
				INSERT INTO claim_file (file_name, hospital_code, file_date, seq, sha256, size_bytes, source, source_path,
				    local_path, status)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED') RETURNING id
				""", Long.class, fileName, (name != null) ? name.hospitalCode() : null,
				(name != null) ? name.fileDate() : null, (name != null) ? name.seqText() : null, sha256, size, source,
				sourcePath, localPath.toAbsolutePath().toString());
	}

	Arrival find(long id) {
		return this.jdbc.queryForObject("SELECT " + COLUMNS + " FROM claim_file WHERE id = ?", Arrivals::map, id);
	}

	long claimCount(long id) {
		Integer count = this.jdbc.queryForObject("SELECT claim_count FROM claim_file WHERE id = ?", Integer.class, id);
		return (count != null) ? count : 0;
	}

	List<Arrival> unfinished() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM claim_file WHERE intake_finished_at IS NULL ORDER BY id",
				Arrivals::map);
	}

	/**
	 * Whether an unfinished arrival reads this local file (RECEIVED, or decided but not yet moved:
	 * its execution failed in between and waits for a restart).
	 */
	boolean isUnfinished(Path localPath) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM claim_file"
				+ " WHERE intake_finished_at IS NULL AND local_path = ?)", Boolean.class,
				localPath.toAbsolutePath().toString()));
	}

	/** An accepted arrival with the same content: F_DUPLICATE. */
	Optional<String> acceptedWithContent(String sha256) {
		return this.jdbc.query("SELECT file_name || ' (arrival ' || id || ')' FROM claim_file"
				+ " WHERE status = 'ACCEPTED' AND sha256 = ? ORDER BY id LIMIT 1", (rs, n) -> rs.getString(1), sha256)
			.stream()
			.findFirst();
	}

	/** An accepted arrival with the same hospital, date and seq but other content: F_SEQUENCE. */
	Optional<String> acceptedWithSequence(ClaimFileName name, String sha256) {
		return this.jdbc.query("SELECT file_name || ' (arrival ' || id || ')' FROM claim_file WHERE status = 'ACCEPTED'"
				+ " AND hospital_code = ? AND file_date = ? AND seq = ? AND sha256 <> ? ORDER BY id LIMIT 1",
				(rs, n) -> rs.getString(1), name.hospitalCode(), name.fileDate(), name.seqText(), sha256)
			.stream()
			.findFirst();
	}

	/** The file passed validation: what staging needs, in the step's own transaction. */
	void validated(long id, FileValidation validation) {
		this.jdbc.update("UPDATE claim_file SET charset = ?, claim_count = ?, line_count = ?, total_amount = ?"
				+ " WHERE id = ? AND status = 'RECEIVED'", validation.charset().name(),
				Math.toIntExact(validation.claimCount()), Math.toIntExact(validation.lineCount()),
				validation.totalAmount().fen(), id);
	}

	/** Records the rejection and its problems and commits at once. */
	void reject(long id, FileValidation validation, Path target) {
		FileProblem decisive = validation.decisive().orElseThrow();
		List<FileProblem> problems = new ArrayList<>(validation.problems());
		if (validation.problemsTruncated()) {
			// the hospital must not take the list for all there is
			problems.add(new FileProblem(decisive.code(), 0, "More problems were found than the " + problems.size()
					+ " listed: correct these, check the whole file again, then send it under a new sequence number."));
		}
		this.ownTransaction.executeWithoutResult(status -> {
			int updated = this.jdbc.update("""
					UPDATE claim_file SET status = 'REJECTED', reject_code = ?, reject_message = ?, stored_path = ?,
					    charset = ?, decided_at = now()
					WHERE id = ? AND status = 'RECEIVED'
					""", decisive.code(), Texts.storable(decisive.message()), target.toAbsolutePath().toString(),
					(validation.charset() != null) ? validation.charset().name() : null, id);
			if (updated != 1) {
				throw new IllegalStateException("Arrival " + id + " is no longer RECEIVED; it was decided elsewhere.");
			}
			this.jdbc.batchUpdate(
					"INSERT INTO claim_file_problem (file_id, ordinal, code, line_no, message) VALUES (?, ?, ?, ?, ?)",
					IntStream.range(0, problems.size()).boxed().toList(), 500, (ps, i) -> {
						ps.setLong(1, id);
						ps.setInt(2, i);
						ps.setString(3, problems.get(i).code());
						ps.setLong(4, problems.get(i).lineNo());
						ps.setString(5, Texts.storable(problems.get(i).message()));
					});
		});
	}

	/** The intake's last action is done, in the step's own transaction. */
	void finished(long id) {
		this.jdbc.update("UPDATE claim_file SET intake_finished_at = now() WHERE id = ?", id);
	}

	List<FileProblem> problems(long id) {
		return this.jdbc.query("SELECT code, line_no, message FROM claim_file_problem WHERE file_id = ? ORDER BY ordinal",
				(rs, n) -> new FileProblem(rs.getString(1), rs.getLong(2), rs.getString(3)), id);
	}

	/** Marks the file accepted with its claim counts and commits at once. */
	void accept(long id, Path target) {
		this.ownTransaction.executeWithoutResult(status -> this.jdbc.update("""
				UPDATE claim_file f SET status = 'ACCEPTED', stored_path = ?, decided_at = now(),
				    accepted_claim_count = (SELECT count(*) FROM claim c WHERE c.file_id = f.id AND c.reject_code IS NULL),
				    rejected_claim_count = (SELECT count(*) FROM claim c WHERE c.file_id = f.id AND c.reject_code IS NOT NULL)
				WHERE id = ? AND status = 'RECEIVED'
				""", target.toAbsolutePath().toString(), id));
	}

	private static Arrival map(ResultSet rs, int row) throws SQLException {
		String stored = rs.getString("stored_path");
		return new Arrival(rs.getLong("id"), rs.getString("file_name"), rs.getString("hospital_code"),
				rs.getObject("file_date", LocalDate.class), rs.getString("seq"), rs.getString("sha256"),
				rs.getLong("size_bytes"), rs.getString("source"), rs.getString("source_path"),
				Path.of(rs.getString("local_path")), rs.getString("status"), rs.getString("reject_code"),
				rs.getString("charset"), (stored != null) ? Path.of(stored) : null,
				rs.getObject("received_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class));
	}

}
