package org.medclaims.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medclaims.claims.Arrival;
import org.medclaims.claims.ClaimStatus;
import org.medclaims.claims.Texts;
import org.medclaims.intake.format.ClaimProblem;
import org.medclaims.intake.format.ParsedClaim;
import org.medclaims.intake.format.ValidClaim;
import org.medclaims.intake.format.ValidLine;
import org.medclaims.system.CopyRows;
import org.medclaims.system.PersonIds;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a chunk of claims, rejected ones with code, line and message, in the chunk's
 * transaction; the file's verdict, its last item, is decided in the same transaction.
 * E_DUPLICATE_CLAIM is decided here, under a per-hospital lock, against the claims of the
 * hospital that were not rejected: in the database (earlier files, earlier chunks) and
 * earlier in this chunk. The database's numbers are looked up only when the chunk, stored
 * without them, breaks the unique index {@code claim_number_in_use}: the chunk is then
 * stored again.
 */
class ClaimStagingWriter implements ItemWriter<IntakeItem> {

	/**
	 * The claim id sequence's increment (V23): each value starts a block of ids for one
	 * chunk's claims.
	 */
	static final int CLAIM_ID_BLOCK = 1000;

	private final JdbcTemplate jdbc;

	// a savepoint in the chunk's transaction
	private final TransactionTemplate savepoint;

	private final long arrivalId;

	private final String hospitalCode;

	private final FileDecision decision;

	ClaimStagingWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Arrival arrival,
			FileDecision decision) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.arrivalId = arrival.id();
		this.hospitalCode = arrival.hospitalCode();
		this.decision = decision;
	}

	@Override
	public void write(Chunk<? extends IntakeItem> chunk) {
		List<StagedClaim> claims = new ArrayList<>(chunk.size());
		IntakeItem.FileVerdict verdict = null;
		for (IntakeItem item : chunk) {
			if (item instanceof StagedClaim claim) {
				claims.add(claim);
			}
			else if (item instanceof IntakeItem.FileVerdict last) {
				verdict = last;
			}
		}
		stage(claims);
		if (verdict != null) {
			this.decision.decide(this.arrivalId, verdict);
		}
	}

	private void stage(List<StagedClaim> items) {
		if (items.isEmpty()) {
			return;
		}
		ClaimNumbers.lock(this.jdbc, this.hospitalCode);
		List<Long> ids = claimIds(items.size());
		try {
			// most chunks reuse no number held in the database: claim_number_in_use finds
			// out, and only when it
			// does are the chunk's numbers looked up (one index probe each, 12 ms per
			// 1000 claims at 1M claims)
			this.savepoint.executeWithoutResult(status -> stage(items, ids, new HashMap<>()));
		}
		catch (DuplicateKeyException ex) {
			stage(items, ids, numbersInUse(items));
		}
	}

	// the claim id sequence hands out blocks (V23): one call per block, not one per claim
	private List<Long> claimIds(int count) {
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

	// usedBy: the numbers already held, each with the sentence that says by which claim
	private void stage(List<StagedClaim> items, List<Long> ids, Map<String, String> usedBy) {
		CopyRows claims = new CopyRows("""
				claim (id, file_id, position, line_no, hospital_code, claim_no, patient_id, patient_name, visit_type,
				    start_date, end_date, diagnosis_code, special_disease_code, total_amount, status, reject_code,
				    reject_line_no, reject_message, household_id)""");
		CopyRows lines = new CopyRows(
				"claim_line (claim_id, position, line_no, item_code, item_name, unit_price," + " quantity, amount)");
		for (int i = 0; i < items.size(); i++) {
			StagedClaim item = items.get(i);
			long id = ids.get(i);
			ClaimProblem problem = item.problem();
			ValidClaim valid = item.valid();
			if (valid != null) {
				String user = usedBy.putIfAbsent(valid.claimNo(),
						"the claim on line " + valid.lineNo() + " of this file");
				if (user != null) {
					problem = new ClaimProblem(ClaimProblem.E_DUPLICATE_CLAIM, valid.lineNo(),
							"Claim " + valid.claimNo() + " (line " + valid.lineNo()
									+ "): its number is already used by " + user + ".");
				}
				validRow(claims, id, valid, problem);
				for (int p = 0; p < valid.lines().size(); p++) {
					ValidLine line = valid.lines().get(p);
					lines.add(id)
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
			else {
				rejectedRow(claims, id, item.raw(), problem);
			}
		}
		claims.copy(this.jdbc);
		lines.copy(this.jdbc);
	}

	// claim numbers of this chunk's valid claims already held by a claim that was not
	// rejected
	private Map<String, String> numbersInUse(List<StagedClaim> items) {
		String[] numbers = items.stream()
			.filter(s -> s.valid() != null)
			.map(s -> s.valid().claimNo())
			.distinct()
			.toArray(String[]::new);
		Map<String, String> usedBy = new HashMap<>();
		if (numbers.length == 0) {
			return usedBy;
		}
		// one index probe per number: "claim_no = ANY (?)" scans all the hospital's
		// claims, ever more of them
		this.jdbc.query("""
				SELECT c.claim_no, c.file_id, c.line_no, f.file_name FROM unnest(?::text[]) AS n (claim_no)
				JOIN claim c ON c.hospital_code = ? AND c.claim_no = n.claim_no AND c.number_in_use
				LEFT JOIN claim_file f ON f.id = c.file_id
				""", rs -> {
			long fileId = rs.getLong(2);
			String user = rs.wasNull() ? "an ad-hoc claim"
					: (fileId == this.arrivalId) ? "the claim on line " + rs.getLong(3) + " of this file"
							: "a claim of file " + rs.getString(4) + " (line " + rs.getLong(3) + ")";
			usedBy.putIfAbsent(rs.getString(1), user);
		}, numbers, this.hospitalCode);
		return usedBy;
	}

	// a waiting claim starts in the household of its patient alone; grouping moves those
	// of families
	private void validRow(CopyRows rows, long id, ValidClaim c, ClaimProblem problem) {
		rows.add(id)
			.add(this.arrivalId)
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
		if (problem == null) {
			rows.add(ClaimStatus.RECEIVED.name())
				.add(null)
				.add(null)
				.add(null)
				.add(PersonIds.householdOf(c.patientId()));
		}
		else {
			rows.add(ClaimStatus.REJECTED.name())
				.add(problem.code())
				.add(problem.lineNo())
				.add(Texts.storable(problem.message()))
				.add(null);
		}
		rows.endRow();
	}

	private void rejectedRow(CopyRows rows, long id, ParsedClaim c, ClaimProblem problem) {
		rows.add(id)
			.add(this.arrivalId)
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
			.add(c.declaredTotalOrZero().fen())
			.add("REJECTED")
			.add(problem.code())
			.add(problem.lineNo())
			.add(Texts.storable(problem.message()))
			.add(null)
			.endRow();
	}

}
