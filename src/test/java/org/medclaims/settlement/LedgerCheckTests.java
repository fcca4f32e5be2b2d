package org.medclaims.settlement;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.TestRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The references the bulk tables no longer declare as foreign keys (V12) are proved by verify-ledger. */
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
	void rowsThatReferToNoClaimOrNoPersonAreCountedAndFailTheCheck() {
		long missingClaim = 987_654_321L;
		this.jdbc.update("INSERT INTO claim (file_id, position, line_no, hospital_code, claim_no, patient_id, total_amount,"
				+ " status) VALUES (987654321, 0, 2, 'HOS1', 'ORPHAN-1', ?, 100, 'RECEIVED')", TestRegistry.A_PATIENT);
		this.jdbc.update("INSERT INTO claim_line (claim_id, position, line_no, item_code, unit_price, quantity, amount)"
				+ " VALUES (?, 0, 1, 'DRUG-A', 1, 1, 100), (?, 1, 2, 'DRUG-A', 1, 1, 100)", missingClaim, missingClaim);
		this.jdbc.update("""
				INSERT INTO settlement (claim_id, status, message, total, self_pay, self_pay_first, deductible, segment,
				    coinsurance, over_cap, fund, current_account, historical_account, family_account, cash)
				VALUES (?, 'SETTLED', 'settled', 100, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0)""", missingClaim);
		this.jdbc.update("INSERT INTO ledger_entry (claim_id, person_id, kind, direction, account, amount)"
				+ " VALUES (?, ?, 'CURRENT', 'OUT', 'CURRENT', 100)",
				missingClaim, TestRegistry.STRANGER);

		LedgerCheck.Result result = this.ledgerCheck.check();

		assertThat(result.orphans()).containsExactly("1 claim of an unknown claim file", "2 claim_line without its claim", "1 settlement without its claim",
				"1 ledger_entry without its claim", "1 ledger_entry of an unknown person");
		assertThat(result.mismatches()).isEmpty();
		assertThat(result.consistent()).isFalse();
		assertThat(this.verifyLedger.run(List.of())).isEqualTo(1);
	}

}
