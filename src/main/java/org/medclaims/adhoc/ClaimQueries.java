package org.medclaims.adhoc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.medclaims.accounts.AccountBalances;
import org.medclaims.accounts.Reversals;
import org.medclaims.policy.Amounts;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ClaimStatus;
import org.medclaims.policy.Money;
import org.medclaims.policy.VisitType;
import org.medclaims.settlement.SettlementDetails;
import org.medclaims.settlement.SettlementFacts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads claims, their settlements and persons' accounts for the API and the desk. */
@Component
class ClaimQueries {

	/**
	 * The claim that holds a number now, or the latest that held it.
	 *
	 * @param holdsNumber neither rejected nor reversed: another claim under its number is
	 * E_DUPLICATE_CLAIM
	 */
	record Existing(long id, String status, boolean adhoc, String contentHash, boolean holdsNumber) {
	}

	private final JdbcTemplate jdbc;

	private final SettlementDetails details;

	private final AdhocAudit audit;

	private final Reversals reversals;

	private final AccountBalances balances;

	ClaimQueries(JdbcTemplate jdbc, SettlementDetails details, AdhocAudit audit, Reversals reversals,
			AccountBalances balances) {
		this.jdbc = jdbc;
		this.details = details;
		this.audit = audit;
		this.reversals = reversals;
		this.balances = balances;
	}

	/**
	 * The claim neither rejected nor reversed under that number, else the latest one;
	 * null when none. Each half of the union probes its own partial index
	 * (claim_number_in_use, claim_number_rejected).
	 */
	Existing current(String hospitalCode, String claimNo) {
		List<Existing> rows = this.jdbc.query("""
				SELECT id, status, adhoc, content_hash, number_in_use FROM (
				    SELECT id, status, adhoc, content_hash, number_in_use FROM claim
				    WHERE hospital_code = ? AND claim_no = ? AND number_in_use
				    UNION ALL
				    SELECT id, status, adhoc, content_hash, number_in_use FROM claim
				    WHERE hospital_code = ? AND claim_no = ? AND NOT number_in_use) AS c
				ORDER BY number_in_use DESC, id DESC LIMIT 1
				""", (rs, i) -> new Existing(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
				rs.getBoolean(5)), hospitalCode, claimNo, hospitalCode, claimNo);
		return rows.isEmpty() ? null : rows.get(0);
	}

	/**
	 * The stored result of a settled or rule-rejected claim; null while it has no
	 * settlement.
	 */
	ClaimResult result(long claimId) {
		List<ClaimResult> rows = this.jdbc.query(
				"""
						SELECT c.claim_no, s.status, s.codes, s.message, s.policy_version, s.total, s.self_pay, s.self_pay_first,
						       s.deductible, s.segment, s.coinsurance, s.over_cap, s.fund, s.current_account,
						       s.historical_account, s.family_account, s.cash, s.facts, s.detail, c.patient_id, c.end_date,
						       c.visit_type, c.special_disease_code
						FROM settlement s JOIN claim c ON c.id = s.claim_id WHERE s.claim_id = ?
						""",
				(rs, i) -> result(rs, claimId), claimId);
		return rows.isEmpty() ? null : rows.get(0);
	}

	private ClaimResult result(ResultSet rs, long claimId) throws SQLException {
		String codes = rs.getString(3);
		Money[] amounts = new Money[12];
		for (int i = 0; i < amounts.length; i++) {
			amounts[i] = Money.ofFen(rs.getLong(6 + i));
		}
		Amounts stored = new Amounts(amounts[0], amounts[1], amounts[2], amounts[3], amounts[4], amounts[5], amounts[6],
				amounts[7], amounts[8], amounts[9], amounts[10], amounts[11]);
		List<String> codeList = codes == null || codes.isEmpty() ? List.of() : Arrays.asList(codes.split(","));
		SettlementFacts.Row row = new SettlementFacts.Row(rs.getString(1), rs.getString(20),
				ClaimStatus.valueOf(rs.getString(2)), codeList, rs.getString(4), rs.getString(5),
				rs.getObject(21, LocalDate.class), VisitType.valueOf(rs.getString(22)), rs.getString(23), stored);
		SettlementDetails.Detail detail = this.details.stored(row, rs.getString(18), rs.getString(19),
				() -> lines(claimId));
		return new ClaimResult(row.claimNo(), row.status().name(), codeList, row.message(), row.policyVersionId(),
				ClaimResult.AmountsJson.of(stored), detail.familyPayments(), detail.lines(), detail.explanation());
	}

	/** The claim's lines as the engine values them, in their order. */
	private List<ClaimLine> lines(long claimId) {
		return this.jdbc.query("""
				SELECT line_no, item_code, item_name, unit_price, quantity, amount FROM claim_line WHERE claim_id = ?
				ORDER BY position
				""", (rs, i) -> new ClaimLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
				rs.getBigDecimal(5), Money.ofFen(rs.getLong(6))), claimId);
	}

	/**
	 * The claim under that number: the one neither rejected nor reversed, else the
	 * latest.
	 */
	ClaimView claim(String hospitalCode, String claimNo) {
		Existing current = current(hospitalCode, claimNo);
		if (current == null) {
			throw new NotFound("There is no claim " + claimNo + " of hospital " + hospitalCode + ".", "notFound.claim",
					hospitalCode, claimNo);
		}
		List<ClaimView.Line> lines = this.jdbc.query("""
				SELECT line_no, item_code, item_name, unit_price, quantity, amount FROM claim_line WHERE claim_id = ?
				ORDER BY position
				""", (rs, i) -> new ClaimView.Line(rs.getInt(1), rs.getString(2), rs.getString(3),
				rs.getBigDecimal(4).stripTrailingZeros().scale() <= 2 ? rs.getBigDecimal(4).setScale(2).toPlainString()
						: rs.getBigDecimal(4).stripTrailingZeros().toPlainString(),
				rs.getBigDecimal(5).stripTrailingZeros().toPlainString(), Money.ofFen(rs.getLong(6)).toString()),
				current.id());
		ClaimResult settlement = result(current.id());
		return this.jdbc.queryForObject("""
				SELECT c.hospital_code, h.name, c.claim_no, c.adhoc, f.file_name, c.patient_id, c.patient_name,
				       c.visit_type, c.start_date, c.end_date, c.diagnosis_code, c.special_disease_code, c.adhoc_reason,
				       c.registered_in_advance, c.entered_by, c.total_amount, c.status, c.reject_code, c.reject_message,
				       s.settled_at
				FROM claim c LEFT JOIN hospital h ON h.code = c.hospital_code LEFT JOIN claim_file f ON f.id = c.file_id
				LEFT JOIN settlement s ON s.claim_id = c.id WHERE c.id = ?
				""", (rs, i) -> {
			boolean adhoc = rs.getBoolean(4);
			Timestamp settledAt = rs.getTimestamp(20);
			boolean settledHere = settlement != null;
			return new ClaimView(rs.getString(1), rs.getString(2), rs.getString(3), adhoc ? "ADHOC" : "FILE",
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), text(rs.getObject(9)),
					text(rs.getObject(10)), rs.getString(11), rs.getString(12), rs.getString(13),
					(Boolean) rs.getObject(14), rs.getString(15), Money.ofFen(rs.getLong(16)).toString(),
					rs.getString(17), settledHere ? null : rs.getString(18), settledHere ? null : rs.getString(19),
					lines, settlement, settledAt == null ? null : settledAt.toInstant().toString(),
					this.audit.of(hospitalCode, claimNo), this.reversals.of(current.id()).orElse(null));
		}, current.id());
	}

	/** When the claim under that number was settled; null while it waits. */
	java.time.Instant settledAt(String hospitalCode, String claimNo) {
		Existing current = current(hospitalCode, claimNo);
		if (current == null) {
			return null;
		}
		return this.jdbc
			.query("SELECT settled_at FROM settlement WHERE claim_id = ?", (rs, i) -> rs.getTimestamp(1).toInstant(),
					current.id())
			.stream()
			.findFirst()
			.orElse(null);
	}

	/**
	 * A person's balances and yearly totals; {@link NotFound} when the registry has no
	 * such person.
	 */
	PersonAccount account(String personId) {
		AccountBalances.Statement statement = this.balances.statement(personId)
			.orElseThrow(() -> new NotFound("The registry has no person with that ID."));
		List<PersonAccount.Year> years = statement.years()
			.entrySet()
			.stream()
			.map(y -> new PersonAccount.Year(y.getKey(), y.getValue().fundPaid().toString(),
					y.getValue().segmentUsed().toString(), y.getValue().admissions()))
			.toList();
		return new PersonAccount(personId, statement.balances().currentAccount().toString(),
				statement.balances().historicalAccount().toString(), years);
	}

	/** Name, category and status for the desk, null when not in the registry. */
	Person person(String personId) {
		List<Person> rows = this.jdbc.query("SELECT name, category, status FROM person WHERE person_id = ?",
				(rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3)), personId);
		return rows.isEmpty() ? null : rows.get(0);
	}

	record Person(String name, String category, String status) {
	}

	private static String text(Object date) {
		return date == null ? null : date.toString();
	}

}
