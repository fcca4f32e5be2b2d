package org.medclaims.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.medclaims.policy.Amounts;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.Money;
import org.medclaims.policy.ValuationOutcome;
import org.medclaims.policy.VisitType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One claim by its number or id, with its lines and its stored settlement: what the desk
 * and the API show of it, and what an ad-hoc submission checks its number against.
 */
@Repository
public class ClaimDetails {

	/**
	 * The claim that holds a number now, or the latest that held it.
	 *
	 * @param holdsNumber neither rejected nor reversed: another claim under its number is
	 * E_DUPLICATE_CLAIM
	 */
	public record Existing(long id, ClaimStatus status, boolean adhoc, String contentHash, boolean holdsNumber) {
	}

	/**
	 * A claim's row, its file's name, its hospital's name and when it was settled.
	 *
	 * @param fileName null for an ad-hoc claim
	 * @param settledAt null while it has no settlement
	 */
	public record Claim(String hospitalCode, String hospitalName, String claimNo, boolean adhoc, String fileName,
			String patientId, String patientName, String visitType, LocalDate startDate, LocalDate endDate,
			String diagnosisCode, String specialDiseaseCode, String adhocReason, Boolean registeredInAdvance,
			String enteredBy, Money total, ClaimStatus status, String rejectCode, String rejectMessage,
			Instant settledAt) {
	}

	/**
	 * A settled or rule-rejected claim's settlement row with what its claim row adds.
	 *
	 * @param status SETTLED or REJECTED
	 * @param facts null for a row settled before facts were stored
	 * @param detail the JSON such a row holds instead
	 */
	public record StoredSettlement(String claimNo, ValuationOutcome status, List<String> codes, String message,
			String policyVersionId, Amounts amounts, String facts, String detail, String patientId,
			LocalDate serviceDate, VisitType visitType, String specialDiseaseCode) {
	}

	private final JdbcTemplate jdbc;

	ClaimDetails(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The claim neither rejected nor reversed under that number, else the latest one;
	 * empty when none. Each half of the union probes its own partial index
	 * (claim_number_in_use, claim_number_rejected).
	 */
	public Optional<Existing> current(String hospitalCode, String claimNo) {
		return this.jdbc
			.query("""
					SELECT id, status, adhoc, content_hash, number_in_use FROM (
					    SELECT id, status, adhoc, content_hash, number_in_use FROM claim
					    WHERE hospital_code = ? AND claim_no = ? AND number_in_use
					    UNION ALL
					    SELECT id, status, adhoc, content_hash, number_in_use FROM claim
					    WHERE hospital_code = ? AND claim_no = ? AND NOT number_in_use) AS c
					ORDER BY number_in_use DESC, id DESC LIMIT 1
					""",
					(rs, i) -> new Existing(rs.getLong(1), ClaimStatus.valueOf(rs.getString(2)), rs.getBoolean(3),
							rs.getString(4), rs.getBoolean(5)),
					hospitalCode, claimNo, hospitalCode, claimNo)
			.stream()
			.findFirst();
	}

	/** The claim's settlement; empty while it has none. */
	public Optional<StoredSettlement> settlement(long claimId) {
		return this.jdbc
			.query("""
					SELECT c.claim_no, s.status, s.codes, s.message, s.policy_version, s.total, s.self_pay, s.self_pay_first,
					       s.deductible, s.segment, s.coinsurance, s.over_cap, s.fund, s.current_account,
					       s.historical_account, s.family_account, s.cash, s.facts, s.detail, c.patient_id, c.end_date,
					       c.visit_type, c.special_disease_code
					FROM settlement s JOIN claim c ON c.id = s.claim_id WHERE s.claim_id = ?
					""",
					(rs, i) -> settlement(rs), claimId)
			.stream()
			.findFirst();
	}

	private static StoredSettlement settlement(ResultSet rs) throws SQLException {
		String codes = rs.getString(3);
		Money[] amounts = new Money[12];
		for (int i = 0; i < amounts.length; i++) {
			amounts[i] = Money.ofFen(rs.getLong(6 + i));
		}
		Amounts stored = new Amounts(amounts[0], amounts[1], amounts[2], amounts[3], amounts[4], amounts[5], amounts[6],
				amounts[7], amounts[8], amounts[9], amounts[10], amounts[11]);
		List<String> codeList = codes == null || codes.isEmpty() ? List.of() : Arrays.asList(codes.split(","));
		return new StoredSettlement(rs.getString(1), ValuationOutcome.valueOf(rs.getString(2)), codeList,
				rs.getString(4), rs.getString(5), stored, rs.getString(18), rs.getString(19), rs.getString(20),
				rs.getObject(21, LocalDate.class), VisitType.valueOf(rs.getString(22)), rs.getString(23));
	}

	/** The claim's lines as the hospital or clerk gave them, in their order. */
	public List<ClaimLine> lines(long claimId) {
		return this.jdbc.query("""
				SELECT line_no, item_code, item_name, unit_price, quantity, amount FROM claim_line WHERE claim_id = ?
				ORDER BY position
				""", (rs, i) -> new ClaimLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
				rs.getBigDecimal(5), Money.ofFen(rs.getLong(6))), claimId);
	}

	/** The claim with that id, which must exist. */
	public Claim claim(long claimId) {
		return this.jdbc.queryForObject("""
				SELECT c.hospital_code, h.name, c.claim_no, c.adhoc, f.file_name, c.patient_id, c.patient_name,
				       c.visit_type, c.start_date, c.end_date, c.diagnosis_code, c.special_disease_code, c.adhoc_reason,
				       c.registered_in_advance, c.entered_by, c.total_amount, c.status, c.reject_code, c.reject_message,
				       s.settled_at
				FROM claim c LEFT JOIN hospital h ON h.code = c.hospital_code LEFT JOIN claim_file f ON f.id = c.file_id
				LEFT JOIN settlement s ON s.claim_id = c.id WHERE c.id = ?
				""", (rs, i) -> {
			Timestamp settledAt = rs.getTimestamp(20);
			return new Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
					rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12), rs.getString(13),
					(Boolean) rs.getObject(14), rs.getString(15), Money.ofFen(rs.getLong(16)),
					ClaimStatus.valueOf(rs.getString(17)), rs.getString(18), rs.getString(19),
					settledAt == null ? null : settledAt.toInstant());
		}, claimId);
	}

	/** When the claim was settled; empty while it waits. */
	public Optional<Instant> settledAt(long claimId) {
		return this.jdbc
			.query("SELECT settled_at FROM settlement WHERE claim_id = ?", (rs, i) -> rs.getTimestamp(1).toInstant(),
					claimId)
			.stream()
			.findFirst();
	}

}
