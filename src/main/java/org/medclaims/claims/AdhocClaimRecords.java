package org.medclaims.claims;

import java.time.LocalDate;
import java.util.List;

import org.medclaims.policy.AdhocReason;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.Money;
import org.medclaims.policy.VisitType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores a claim a clerk entered (零星报销): its row, without a file, and its lines, in the
 * caller's transaction.
 */
@Repository
public class AdhocClaimRecords {

	/**
	 * An ad-hoc claim as it is stored, RECEIVED until it is settled.
	 *
	 * @param contentHash what decides its valuation, hashed: the same claim sent again
	 * has the same
	 * @param enteredBy the clerk
	 */
	public record NewClaim(String hospitalCode, String claimNo, String patientId, String patientName,
			VisitType visitType, LocalDate startDate, LocalDate endDate, String diagnosisCode,
			String specialDiseaseCode, Money total, AdhocReason reason, boolean registered, String contentHash,
			String enteredBy, List<ClaimLine> lines) {
	}

	private final JdbcTemplate jdbc;

	AdhocClaimRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the claim and its lines; answers the claim's id. */
	public long insert(NewClaim claim) {
		Long claimId = this.jdbc.queryForObject("""
				INSERT INTO claim (file_id, position, line_no, hospital_code, claim_no, patient_id, patient_name,
				    visit_type, start_date, end_date, diagnosis_code, special_disease_code, total_amount, status, adhoc,
				    adhoc_reason, registered_in_advance, content_hash, entered_by)
				VALUES (NULL, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', TRUE, ?, ?, ?, ?) RETURNING id
				""", Long.class, claim.hospitalCode(), claim.claimNo(), claim.patientId(), claim.patientName(),
				claim.visitType().name(), claim.startDate(), claim.endDate(), claim.diagnosisCode(),
				claim.specialDiseaseCode(), claim.total().fen(), claim.reason().name(), claim.registered(),
				claim.contentHash(), claim.enteredBy());
		List<ClaimLine> lines = claim.lines();
		this.jdbc.batchUpdate("""
				INSERT INTO claim_line (claim_id, position, line_no, item_code, item_name, unit_price, quantity, amount)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""", lines, lines.size(), (ps, line) -> {
			ps.setLong(1, claimId);
			ps.setInt(2, line.lineNo() - 1);
			ps.setInt(3, line.lineNo());
			ps.setString(4, line.itemCode());
			ps.setString(5, line.itemName());
			ps.setBigDecimal(6, line.unitPrice());
			ps.setBigDecimal(7, line.quantity());
			ps.setLong(8, line.amount().fen());
		});
		return claimId;
	}

}
