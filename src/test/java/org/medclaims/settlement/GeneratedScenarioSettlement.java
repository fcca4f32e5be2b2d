package org.medclaims.settlement;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.medclaims.accounts.LedgerCheck;
import org.medclaims.intake.ClaimIntake;
import org.medclaims.policy.Amounts;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.ClaimValuer;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement job over a generated scenario of 10,000 claims gives, claim by claim and
 * fen by fen, what the policy engine gives applied sequentially in memory. Subclasses run
 * it with other chunk sizes and partitions: all must agree with the same oracle.
 */
abstract class GeneratedScenarioSettlement {

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	ClaimIntake intake;

	@Autowired
	SettlementLauncher launcher;

	@Autowired
	ClaimValuer valuer;

	@Autowired
	LedgerCheck ledgerCheck;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SettlementDetails details;

	@Autowired
	MedclaimsProperties properties;

	@Test
	void settlesEveryClaimAsTheEngineDoesClaimAfterClaim() throws Exception {
		assertThat(this.referenceImport.importFrom(GeneratedScenario.files().resolve("reference")).succeeded())
			.isTrue();
		GeneratedScenario.copyInbound(this.properties.inboundDir());
		JobExecution intake = this.intake.takeEverythingNow().orElseThrow();
		assertThat(intake.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim_file WHERE status = 'ACCEPTED'", Integer.class))
			.isEqualTo(20);
		GeneratedScenario.Oracle oracle = GeneratedScenario.oracle(this.jdbc, this.valuer);
		assertThat(oracle.valuations()).hasSizeGreaterThan(9_000);

		JobExecution settlement = this.launcher.settle();

		assertThat(settlement.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<Long, Map<String, Object>> rows = new java.util.HashMap<>();
		this.jdbc.queryForList("SELECT * FROM settlement")
			.forEach(r -> rows.put(((Number) r.get("claim_id")).longValue(), r));
		assertThat(rows).hasSameSizeAs(oracle.valuations());
		oracle.valuations().forEach((claimId, expected) -> assertSettledAs(claimId, rows.get(claimId), expected));
		oracle.state()
			.allBalances()
			.forEach((person, balances) -> assertThat(this.jdbc
				.queryForList("SELECT current_account, historical_account FROM person WHERE person_id = ?", person)
				.get(0)
				.values()).as("balances of %s", person)
				.containsExactly(balances.currentAccount().fen(), balances.historicalAccount().fen()));
		LedgerCheck.Result ledger = this.ledgerCheck.check();
		assertThat(ledger.mismatches()).isEmpty();
		assertThat(ledger.orphans()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim WHERE status = 'RECEIVED'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM claim_file WHERE status = 'ACCEPTED' AND response_written_at IS NULL",
				Integer.class))
			.isZero();
		assertTheScenarioCoversThePolicy();
		assertEveryStoredExplanationReadsAsTheEngineWroteItWhileSettling(oracle);
	}

	// what the claim API renders from the stored facts, claim by claim, against the
	// sentences stored before
	private void assertEveryStoredExplanationReadsAsTheEngineWroteItWhileSettling(GeneratedScenario.Oracle oracle) {
		int[] settled = { 0 };
		for (StoredDetails.Stored stored : StoredDetails.read(this.jdbc, this.details, "TRUE")) {
			long claimId = stored.claimId();
			SettlementDetails.Detail detail = stored.detail();
			assertThat(stored.legacyJson()).as("the old JSON detail of claim %d", claimId).isNull();
			ClaimValuation expected = oracle.valuations().get(claimId);
			if (expected.settled()) {
				settled[0]++;
				assertThat(detail.explanation()).as("explanation of claim %d", claimId)
					.isEqualTo(oracle.explanations().get(claimId));
				assertThat(detail.lines().stream().map(SettlementDetails.Line::rule).toList())
					.as("line rules of claim %d", claimId)
					.isEqualTo(oracle.rules().get(claimId));
				assertThat(detail).as("detail of claim %d", claimId).isEqualTo(this.details.of(expected));
			}
			else {
				assertThat(stored.facts()).isNull();
				assertThat(detail.explanation()).containsExactly(expected.message());
			}
		}
		assertThat(settled[0]).isGreaterThan(9_000);
		assertThat(this.jdbc.queryForObject("SELECT avg(octet_length(facts)) FROM settlement WHERE status = 'SETTLED'",
				Double.class))
			.as("bytes of facts per settled claim")
			.isLessThan(40.0);
	}

	private void assertSettledAs(long claimId, Map<String, Object> row, ClaimValuation expected) {
		assertThat(row).as("settlement of claim %d", claimId).isNotNull();
		Amounts a = expected.amounts();
		assertThat(row.get("status")).as("status of claim %d", claimId).isEqualTo(expected.status().name());
		assertThat(codes((String) row.get("codes"))).as("codes of claim %d", claimId)
			.isEqualTo(new HashSet<>(expected.codes()));
		assertThat(row.get("policy_version")).isEqualTo(expected.policyVersionId());
		assertThat(List.of(row.get("total"), row.get("self_pay"), row.get("self_pay_first"), row.get("deductible"),
				row.get("segment"), row.get("coinsurance"), row.get("over_cap"), row.get("fund"),
				row.get("current_account"), row.get("historical_account"), row.get("family_account"), row.get("cash")))
			.as("amounts of claim %d", claimId)
			.containsExactly(a.total().fen(), a.selfPay().fen(), a.selfPayFirst().fen(), a.deductible().fen(),
					a.segment().fen(), a.coinsurance().fen(), a.overCap().fen(), a.fund().fen(),
					a.currentAccount().fen(), a.historicalAccount().fen(), a.familyAccount().fen(), a.cash().fen());
	}

	private static Set<String> codes(String codes) {
		return codes.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(codes.split(",")));
	}

	// the scenario must reach every rule, or agreeing with the oracle proves little
	private void assertTheScenarioCoversThePolicy() {
		List<String> seen = this.jdbc.queryForList(
				"""
						SELECT DISTINCT x FROM (
						  SELECT unnest(string_to_array(codes, ',')) AS x FROM settlement
						  UNION SELECT reject_code FROM claim WHERE reject_code IS NOT NULL
						  UNION SELECT 'version ' || policy_version FROM settlement WHERE policy_version IS NOT NULL
						  UNION SELECT 'year ' || extract(year FROM c.end_date) FROM claim c JOIN settlement s ON s.claim_id = c.id
						  UNION SELECT 'visit ' || visit_type FROM claim WHERE status = 'SETTLED'
						  UNION SELECT 'family' FROM settlement WHERE family_account > 0
						  UNION SELECT 'historical' FROM settlement WHERE historical_account > 0
						  UNION SELECT 'current' FROM settlement WHERE current_account > 0
						) t WHERE x <> ''
						""",
				String.class);
		assertThat(seen).contains("E_NOT_INSURED", "E_COVERAGE_SUSPENDED", "E_SPECIAL_DISEASE", "E_LINE_AMOUNT",
				"E_CLAIM_TOTAL", "E_PERSON_ID", "E_DATES", "E_DUPLICATE_CLAIM", "W_OVER_CAP", "W_NOT_IN_CATALOG",
				"W_NOT_CERTIFIED", "version 2013-01-01", "version 2013-05-01", "year 2013", "year 2014", "visit OUT",
				"visit INP", "visit SPD", "family", "historical", "current");
	}

}
