package org.medclaims.intake;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medclaims.intake.format.ClaimProblem;
import org.medclaims.intake.format.ParsedClaim;
import org.medclaims.intake.format.ValidClaim;
import org.medclaims.intake.format.ValidLine;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a chunk of claims, rejected ones with code, line and message, in the chunk's
 * transaction. E_DUPLICATE_CLAIM is decided here, under a per-hospital lock, against the claims
 * of the hospital that were not rejected: in the database (earlier files, earlier chunks) and
 * earlier in this chunk.
 */
class ClaimStagingWriter implements ItemWriter<StagedClaim> {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private final JdbcTemplate jdbc;

	private final long arrivalId;

	private final String hospitalCode;

	ClaimStagingWriter(JdbcTemplate jdbc, long arrivalId, String hospitalCode) {
		this.jdbc = jdbc;
		this.arrivalId = arrivalId;
		this.hospitalCode = hospitalCode;
	}

	@Override
	public void write(Chunk<? extends StagedClaim> chunk) {
		List<? extends StagedClaim> items = chunk.getItems();
		if (items.isEmpty()) {
			return;
		}
		ClaimNumbers.lock(this.jdbc, this.hospitalCode);
		Map<String, String> usedBy = numbersInUse(items);
		List<Long> ids = this.jdbc.queryForList(
				"SELECT nextval(pg_get_serial_sequence('claim', 'id')) FROM generate_series(1, ?)", Long.class,
				items.size());
		List<Object[]> claims = new ArrayList<>(items.size());
		List<Object[]> lines = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			StagedClaim item = items.get(i);
			long id = ids.get(i);
			ClaimProblem problem = item.problem();
			ValidClaim valid = item.valid();
			if (valid != null) {
				String user = usedBy.putIfAbsent(valid.claimNo(), "the claim on line " + valid.lineNo() + " of this file");
				if (user != null) {
					problem = new ClaimProblem(ClaimProblem.E_DUPLICATE_CLAIM, valid.lineNo(), "Claim " + valid.claimNo()
							+ " (line " + valid.lineNo() + "): its number is already used by " + user + ".");
				}
				claims.add(validRow(id, valid, problem));
				for (int p = 0; p < valid.lines().size(); p++) {
					ValidLine line = valid.lines().get(p);
					lines.add(new Object[] { id, p, line.lineNo(), Texts.storable(line.itemCode()),
							Texts.storable(line.itemName()), line.unitPrice(),
							line.quantity(), line.amount().fen() });
				}
			}
			else {
				claims.add(rejectedRow(id, item.raw(), problem));
			}
		}
		this.jdbc.batchUpdate("""
				INSERT INTO claim (id, file_id, position, line_no, hospital_code, claim_no, patient_id, patient_name,
				    visit_type, start_date, end_date, diagnosis_code, special_disease_code, total_amount, status,
				    reject_code, reject_line_no, reject_message)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", claims);
		if (!lines.isEmpty()) {
			this.jdbc.batchUpdate("""
					INSERT INTO claim_line (claim_id, position, line_no, item_code, item_name, unit_price, quantity, amount)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					""", lines);
		}
	}

	// claim numbers of this chunk's valid claims already held by a claim that was not rejected
	private Map<String, String> numbersInUse(List<? extends StagedClaim> items) {
		String[] numbers = items.stream().filter(s -> s.valid() != null).map(s -> s.valid().claimNo()).distinct()
			.toArray(String[]::new);
		Map<String, String> usedBy = new HashMap<>();
		if (numbers.length == 0) {
			return usedBy;
		}
		this.jdbc.query("""
				SELECT c.claim_no, c.file_id, c.line_no, f.file_name FROM claim c LEFT JOIN claim_file f ON f.id = c.file_id
				WHERE c.hospital_code = ? AND c.claim_no = ANY (?) AND c.status <> 'REJECTED'
				""", rs -> {
			long fileId = rs.getLong(2);
			String user = rs.wasNull() ? "an ad-hoc claim"
					: (fileId == this.arrivalId) ? "the claim on line " + rs.getLong(3) + " of this file"
							: "a claim of file " + rs.getString(4) + " (line " + rs.getLong(3) + ")";
			usedBy.putIfAbsent(rs.getString(1), user);
		}, this.hospitalCode, numbers);
		return usedBy;
	}

	private Object[] validRow(long id, ValidClaim c, ClaimProblem problem) {
		return new Object[] { id, this.arrivalId, Math.toIntExact(c.position()), c.lineNo(), this.hospitalCode,
				Texts.storable(c.claimNo()), Texts.storable(c.patientId()), Texts.storable(c.patientName()),
				c.visitType(), Date.valueOf(c.startDate()), Date.valueOf(c.endDate()), Texts.storable(c.diagnosisCode()),
				Texts.storable(c.specialDiseaseCode()), c.total().fen(),
				(problem == null) ? "RECEIVED" : "REJECTED", (problem != null) ? problem.code() : null,
				(problem != null) ? problem.lineNo() : null, (problem != null) ? Texts.storable(problem.message()) : null };
	}

	private Object[] rejectedRow(long id, ParsedClaim c, ClaimProblem problem) {
		return new Object[] { id, this.arrivalId, Math.toIntExact(c.position()), c.lineNo(), this.hospitalCode,
				Texts.storable(c.claimNo()), Texts.storable(c.patientId()), Texts.storable(c.patientName()),
				Texts.storable(c.visitType()), dateOrNull(c.startDate()), dateOrNull(c.endDate()),
				Texts.storable(c.diagnosisCode()), Texts.storable(c.specialDiseaseCode()), c.declaredTotalOrZero().fen(),
				"REJECTED", problem.code(), problem.lineNo(), Texts.storable(problem.message()) };
	}

	private static Date dateOrNull(String text) {
		try {
			return (text != null && text.matches("[0-9]{8}")) ? Date.valueOf(LocalDate.parse(text, DATE)) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
