package org.medclaims.accounts;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.TestRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The references the bulk tables no longer declare as foreign keys (V12) are proved by
 * verify-ledger.
 */
@SpringBootTest
class LedgerCheckTests {

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	VerifyLedgerCommand verifyLedger;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void registryWithoutClaims() {
		TestRegistry.workedExamples(this.jdbc);
	}

	@Test
	void aConsistentLedgerPasses() {
		LedgerCheck.Result result = this.ledgerCheck.check();

		assertThat(result.orphans()).isEmpty();
		assertThat(result.consistent()).isTrue();
		assertThat(this.verifyLedger.run(List.of())).isZero();
	}

	@Test
	void aRolloverOrAReversalThatDoesNotMatchItsCounterpartFailsTheCheck() {
		TestRegistry given = TestRegistry.workedExamples(this.jdbc);
		given.file("HOS1", "HOS1_20130701_001.clm");
		long waiting = given.claim("W", TestRegistry.B_PATIENT, "OUT", LocalDate.of(2013, 6, 1), "DRUG-A", 100);
		long reversed = given.claim("R", TestRegistry.B_PATIENT, "OUT", LocalDate.of(2013, 6, 2), "DRUG-A", 100);
		// a rollover of A that moved 100.00 out of the current-year account but 90.00
		// into the historical one,
		// a reversal of a claim that was never reversed, a REVERSED claim with no
		// reversal: balances agree all the same
		this.jdbc.update("""
				INSERT INTO ledger_entry (person_id, kind, direction, account, year, amount) VALUES
				    (?, 'ROLLOVER', 'OUT', 'CURRENT', 2013, 10000), (?, 'ROLLOVER', 'IN', 'HISTORICAL', 2013, 9000)
				""", TestRegistry.A_PATIENT, TestRegistry.A_PATIENT);
		this.jdbc.update("UPDATE person SET current_account = 10000, historical_account = 509000 WHERE person_id = ?",
				TestRegistry.A_PATIENT);
		this.jdbc.update("INSERT INTO ledger_entry (claim_id, person_id, kind, direction, account, amount)"
				+ " VALUES (?, ?, 'REVERSAL', 'IN', 'HISTORICAL', 100)", waiting, TestRegistry.B_PATIENT);
		this.jdbc.update("UPDATE person SET historical_account = historical_account + 100 WHERE person_id = ?",
				TestRegistry.B_PATIENT);
		this.jdbc.update("UPDATE claim SET status = 'REVERSED' WHERE id = ?", reversed);
		// a reversal that gave back 0.60 of the 1.00 its claim paid
		long shortchanged = given.claim("S", TestRegistry.A_PATIENT, "OUT", LocalDate.of(2013, 6, 3), "DRUG-A", 100);
		this.jdbc.update("UPDATE claim SET status = 'REVERSED' WHERE id = ?", shortchanged);
		this.jdbc.update(
				"INSERT INTO claim_reversal (claim_id, reason, reversed_by, reversed_at) VALUES (?, 'x', 'clerk', now())",
				shortchanged);
		this.jdbc.update("""
				INSERT INTO ledger_entry (claim_id, person_id, kind, direction, account, amount)
				VALUES (?, ?, 'CURRENT', 'OUT', 'CURRENT', 100), (?, ?, 'REVERSAL', 'IN', 'CURRENT', 60)
				""", shortchanged, TestRegistry.A_PATIENT, shortchanged, TestRegistry.A_PATIENT);
		this.jdbc.update("UPDATE person SET current_account = current_account - 40 WHERE person_id = ?",
				TestRegistry.A_PATIENT);

		LedgerCheck.Result result = this.ledgerCheck.check();

		assertThat(result.mismatches()).isEmpty();
		assertThat(result.unmatched()).containsExactly(
				"1 rollover whose amount out of the current-year account differs"
						+ " from the amount into the historical one",
				"1 reversed claim whose reversal does not return exactly what it paid from an account",
				"1 REVERSAL entry of a claim that is not REVERSED", "1 REVERSED claim without its reversal");
		assertThat(result.consistent()).isFalse();
		assertThat(this.verifyLedger.run(List.of())).isEqualTo(1);
	}

	@Test
	void rowsThatReferToNoClaimOrNoPersonAreCountedAndFailTheCheck() {
		long missingClaim = 987_654_321L;
		this.jdbc.update(
				"INSERT INTO claim (file_id, position, line_no, hospital_code, claim_no, patient_id, total_amount,"
						+ " status) VALUES (987654321, 0, 2, 'HOS1', 'ORPHAN-1', ?, 100, 'RECEIVED')",
				TestRegistry.A_PATIENT);
		this.jdbc.update(
				"INSERT INTO claim_line (claim_id, position, line_no, item_code, unit_price, quantity, amount)"
						+ " VALUES (?, 0, 1, 'DRUG-A', 1, 1, 100), (?, 1, 2, 'DRUG-A', 1, 1, 100)",
				missingClaim, missingClaim);
		this.jdbc.update("""
				INSERT INTO settlement (claim_id, status, message, total, self_pay, self_pay_first, deductible, segment,
				    coinsurance, over_cap, fund, current_account, historical_account, family_account, cash)
				VALUES (?, 'SETTLED', 'settled', 100, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0)""", missingClaim);
		this.jdbc.update("INSERT INTO ledger_entry (claim_id, person_id, kind, direction, account, amount)"
				+ " VALUES (?, ?, 'CURRENT', 'OUT', 'CURRENT', 100)", missingClaim, TestRegistry.STRANGER);

		LedgerCheck.Result result = this.ledgerCheck.check();

		assertThat(result.orphans()).containsExactly("1 claim of an unknown claim file",
				"2 claim_line without its claim", "1 settlement without its claim", "1 ledger_entry without its claim",
				"1 ledger_entry of an unknown person");
		assertThat(result.mismatches()).isEmpty();
		assertThat(result.consistent()).isFalse();
		assertThat(this.verifyLedger.run(List.of())).isEqualTo(1);
	}

}
