package org.medclaims.adhoc;

import java.util.List;

import org.medclaims.accounts.AccountBalances;
import org.medclaims.accounts.Reversals;
import org.medclaims.claims.ClaimDetails;
import org.medclaims.settlement.SettlementDetails;
import org.medclaims.settlement.SettlementFacts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims with their settlements, read through {@link ClaimDetails}, and persons'
 * accounts, as the API and the desk show them.
 */
@Component
class ClaimQueries {

	private final ClaimDetails claims;

	private final JdbcTemplate jdbc;

	private final SettlementDetails details;

	private final AdhocAudit audit;

	private final Reversals reversals;

	private final AccountBalances balances;

	ClaimQueries(ClaimDetails claims, JdbcTemplate jdbc, SettlementDetails details, AdhocAudit audit,
			Reversals reversals, AccountBalances balances) {
		this.claims = claims;
		this.jdbc = jdbc;
		this.details = details;
		this.audit = audit;
		this.reversals = reversals;
		this.balances = balances;
	}

	/**
	 * The claim neither rejected nor reversed under that number, else the latest one;
	 * null when none.
	 */
	ClaimDetails.Existing current(String hospitalCode, String claimNo) {
		return this.claims.current(hospitalCode, claimNo).orElse(null);
	}

	/**
	 * The stored result of a settled or rule-rejected claim; null while it has no
	 * settlement.
	 */
	ClaimResult result(long claimId) {
		return this.claims.settlement(claimId).map(stored -> result(stored, claimId)).orElse(null);
	}

	private ClaimResult result(ClaimDetails.StoredSettlement stored, long claimId) {
		SettlementFacts.Row row = new SettlementFacts.Row(stored.claimNo(), stored.patientId(), stored.status(),
				stored.codes(), stored.message(), stored.policyVersionId(), stored.serviceDate(), stored.visitType(),
				stored.specialDiseaseCode(), stored.amounts());
		SettlementDetails.Detail detail = this.details.stored(row, stored.facts(), stored.detail(),
				() -> this.claims.lines(claimId));
		return new ClaimResult(row.claimNo(), row.status().name(), stored.codes(), row.message(), row.policyVersionId(),
				ClaimResult.AmountsJson.of(stored.amounts()), detail.familyPayments(), detail.lines(),
				detail.explanation());
	}

	/**
	 * The claim under that number: the one neither rejected nor reversed, else the
	 * latest.
	 */
	ClaimView claim(String hospitalCode, String claimNo) {
		ClaimDetails.Existing current = current(hospitalCode, claimNo);
		if (current == null) {
			throw new NotFound("There is no claim " + claimNo + " of hospital " + hospitalCode + ".", "notFound.claim",
					hospitalCode, claimNo);
		}
		List<ClaimView.Line> lines = this.claims.lines(current.id())
			.stream()
			.map(line -> new ClaimView.Line(line.lineNo(), line.itemCode(), line.itemName(),
					line.unitPrice().stripTrailingZeros().scale() <= 2 ? line.unitPrice().setScale(2).toPlainString()
							: line.unitPrice().stripTrailingZeros().toPlainString(),
					line.quantity().stripTrailingZeros().toPlainString(), line.amount().toString()))
			.toList();
		ClaimResult settlement = result(current.id());
		ClaimDetails.Claim c = this.claims.claim(current.id());
		boolean settledHere = settlement != null;
		return new ClaimView(c.hospitalCode(), c.hospitalName(), c.claimNo(), c.adhoc() ? "ADHOC" : "FILE",
				c.fileName(), c.patientId(), c.patientName(), c.visitType(), text(c.startDate()), text(c.endDate()),
				c.diagnosisCode(), c.specialDiseaseCode(), c.adhocReason(), c.registeredInAdvance(), c.enteredBy(),
				c.total().toString(), c.status().name(), settledHere ? null : c.rejectCode(),
				settledHere ? null : c.rejectMessage(), lines, settlement,
				c.settledAt() == null ? null : c.settledAt().toString(), this.audit.of(hospitalCode, claimNo),
				this.reversals.of(current.id()).orElse(null));
	}

	/** When the claim under that number was settled; null while it waits. */
	java.time.Instant settledAt(String hospitalCode, String claimNo) {
		ClaimDetails.Existing current = current(hospitalCode, claimNo);
		if (current == null) {
			return null;
		}
		return this.claims.settledAt(current.id()).orElse(null);
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
