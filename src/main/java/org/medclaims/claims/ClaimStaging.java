package org.medclaims.claims;

import java.util.ArrayList;
import java.util.List;

import org.medclaims.intake.format.ClaimProblem;
import org.medclaims.intake.format.ParsedClaim;
import org.medclaims.intake.format.ValidClaim;
import org.medclaims.intake.format.ValidLine;
import org.medclaims.system.CopyRows;
import org.medclaims.system.PersonIds;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Claims as the intake stages them: a chunk's claims copied into {@code claim} and their
 * lines into {@code claim_line}, in the caller's transaction, under ids the sequence
 * hands out in blocks.
 */
@Repository
public class ClaimStaging {

	/**
	 * The claim id sequence's increment (V23): each value starts a block of ids for one
	 * chunk's claims.
	 */
	private static final int CLAIM_ID_BLOCK = 1000;

	private final JdbcTemplate jdbc;

	ClaimStaging(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Ids for this many claims, in the order they are staged. */
	// the claim id sequence hands out blocks (V23): one call per block, not one per claim
	public List<Long> claimIds(int count) {
		List<Long> ids = new ArrayList<>(count);
		long block = 0;
		for (int i = 0; i < count; i++) {
			if (i % CLAIM_ID_BLOCK == 0) {
				block = this.jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('claim', 'id'))", Long.class);
			}
			ids.add(block + i % CLAIM_ID_BLOCK);
		}
		return ids;
	}

	/** The rows of a chunk of the file's claims, sent by {@link Rows#copy()}. */
	public Rows rows(long fileId, String hospitalCode) {
		return new Rows(fileId, hospitalCode);
	}

	/**
	 * Claims of this hospital that were not rejected and hold one of these numbers, one
	 * query for them all.
	 */
	public List<NumberInUse> numbersInUse(String hospitalCode, String[] numbers) {
		// one index probe per number: "claim_no = ANY (?)" scans all the hospital's
		// claims, ever more of them
		return this.jdbc.query("""
				SELECT c.claim_no, c.file_id, c.line_no, f.file_name FROM unnest(?::text[]) AS n (claim_no)
				JOIN claim c ON c.hospital_code = ? AND c.claim_no = n.claim_no AND c.number_in_use
				LEFT JOIN claim_file f ON f.id = c.file_id
				""", (rs, n) -> {
			long fileId = rs.getLong(2);
			// asked right after the column it is about: an ad-hoc claim has no file
			Long file = rs.wasNull() ? null : fileId;
			return new NumberInUse(rs.getString(1), file, rs.getLong(3), rs.getString(4));
		}, numbers, hospitalCode);
	}

	/**
	 * A claim number held by the claim on line {@code lineNo} of file {@code fileId}
	 * ({@code fileName}); both null for an ad-hoc claim.
	 */
	public record NumberInUse(String claimNo, Long fileId, long lineNo, String fileName) {
	}

	/** The {@code claim} and {@code claim_line} rows of one chunk of a file's claims. */
	public final class Rows {

		private final CopyRows claims = new CopyRows("""
				claim (id, file_id, position, line_no, hospital_code, claim_no, patient_id, patient_name, visit_type,
				    start_date, end_date, diagnosis_code, special_disease_code, total_amount, status, reject_code,
				    reject_line_no, reject_message, household_id)""");

		private final CopyRows lines = new CopyRows(
				"claim_line (claim_id, position, line_no, item_code, item_name, unit_price," + " quantity, amount)");

		private final long fileId;

		private final String hospitalCode;

		private Rows(long fileId, String hospitalCode) {
			this.fileId = fileId;
			this.hospitalCode = hospitalCode;
		}

		/**
		 * A claim whose records passed the checks, with its lines: waiting, or rejected
		 * with the problem when there is one.
		 */
		public void valid(long id, ValidClaim claim, ClaimProblem problem) {
			validRow(id, claim, problem);
			for (int p = 0; p < claim.lines().size(); p++) {
				ValidLine line = claim.lines().get(p);
				this.lines.add(id)
					.add(p)
					.add(line.lineNo())
					.add(Texts.storable(line.itemCode()))
					.add(Texts.storable(line.itemName()))
					.add(line.unitPrice().toPlainString())
					.add(line.quantity().toPlainString())
					.add(line.amount().fen())
					.endRow();
			}
		}

		/** A claim rejected as its records were read; none of its lines is stored. */
		public void rejected(long id, ParsedClaim c, ClaimProblem problem) {
			this.claims.add(id)
				.add(this.fileId)
				.add(c.position())
				.add(c.lineNo())
				.add(this.hospitalCode)
				.add(Texts.storable(c.claimNo()))
				.add(Texts.storable(c.patientId()))
				.add(Texts.storable(c.patientName()))
				.add(Texts.storable(c.visitType()))
				.add(c.startDateOrNull())
				.add(c.endDateOrNull())
				.add(Texts.storable(c.diagnosisCode()))
				.add(Texts.storable(c.specialDiseaseCode()))
				.add(c.declaredTotalOrZero().fen());
			outcome(problem, null);
		}

		/** Copies the claims, then their lines, on the caller's transaction. */
		public void copy() {
			this.claims.copy(ClaimStaging.this.jdbc);
			this.lines.copy(ClaimStaging.this.jdbc);
		}

		private void validRow(long id, ValidClaim c, ClaimProblem problem) {
			this.claims.add(id)
				.add(this.fileId)
				.add(c.position())
				.add(c.lineNo())
				.add(this.hospitalCode)
				.add(Texts.storable(c.claimNo()))
				.add(Texts.storable(c.patientId()))
				.add(Texts.storable(c.patientName()))
				.add(c.visitType())
				.add(c.startDate())
				.add(c.endDate())
				.add(Texts.storable(c.diagnosisCode()))
				.add(Texts.storable(c.specialDiseaseCode()))
				.add(c.total().fen());
			outcome(problem, c.patientId());
		}

		// the row's last columns: a waiting claim starts in the household of its patient
		// alone (grouping moves those of families); a rejected one has its problem
		private void outcome(ClaimProblem problem, String patientId) {
			if (problem == null) {
				this.claims.add(ClaimStatus.RECEIVED.name())
					.add(null)
					.add(null)
					.add(null)
					.add(PersonIds.householdOf(patientId));
			}
			else {
				this.claims.add(ClaimStatus.REJECTED.name())
					.add(problem.code())
					.add(problem.lineNo())
					.add(Texts.storable(problem.message()))
					.add(null);
			}
			this.claims.endRow();
		}

	}

}
