package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.policy.Claims.claim;
import static org.medclaims.policy.Fixtures.amounts;
import static org.medclaims.policy.Fixtures.balances;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Steps 3 and 5: ad-hoc first self-pay, the historical account's scope per version,
 * family accounts.
 */
class AccountsTest {

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	private final Registry registry = Fixtures.registryWithCatalog()
		.person(Fixtures.inService("P"))
		.person(Fixtures.inService("G0"))
		.person(Fixtures.inService("G1"))
		.person(Fixtures.inService("G2"))
		.person(new Person("GS", "suspended", Category.IN_SERVICE, PersonStatus.SUSPENDED))
		.binding(new FamilyBinding("G1", "P", Relation.PARENT, LocalDate.of(2013, 5, 1), null))
		.binding(new FamilyBinding("G0", "P", Relation.PARENT, LocalDate.of(2013, 5, 1), null))
		.binding(new FamilyBinding("GS", "P", Relation.SPOUSE, LocalDate.of(2013, 1, 1), null))
		.binding(new FamilyBinding("G2", "P", Relation.CHILD, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 3, 1)))
		.build();

	/** P has used the segment, so the fund takes its ratio from the first fen. */
	private HouseholdState state(String historical) {
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("0.00", historical));
		state.putYearTotals("P", 2013, new YearTotals(Money.ZERO, Money.parse("1000.00"), 0));
		state.putBalances("G0", balances("0.00", "40.00"));
		state.putBalances("G1", balances("0.00", "20.00"));
		state.putBalances("G2", balances("0.00", "999.00"));
		state.putBalances("GS", balances("0.00", "999.00"));
		return state;
	}

	@Test
	void anUnregisteredOutOfAreaAdhocClaimBearsTheFirstSelfPay() {
		ClaimValuation valuation = this.valuer.value(claim("P").outOfArea().adhoc(false).line("A", "100.00").build(),
				this.registry, state("0.00"));
		// P's own historical account is empty; the bound parents pay the 46.00
		assertThat(valuation.amounts()).isEqualTo(amounts("100.00", "0.00", "10.00", "0.00", "0.00", "36.00", "0.00",
				"54.00", "0.00", "0.00", "46.00", "0.00"));
	}

	@Test
	void theFirstSelfPayRoundsHalfUp() {
		ClaimValuation valuation = this.valuer.value(claim("P").outOfArea().adhoc(false).line("A", "0.05").build(),
				this.registry, state("0.00"));
		assertThat(valuation.amounts().selfPayFirst()).isEqualTo(Money.ofFen(1));
	}

	@Test
	void aRegisteredStayALocalHospitalOrAHospitalFileBearNoFirstSelfPay() {
		for (Claims claims : new Claims[] { claim("P").outOfArea().adhoc(true), claim("P").adhoc(false),
				claim("P").outOfArea() }) {
			ClaimValuation valuation = this.valuer.value(claims.line("A", "100.00").build(), this.registry,
					state("0.00"));
			assertThat(valuation.amounts().selfPayFirst()).isEqualTo(Money.ZERO);
			assertThat(valuation.amounts().fund()).isEqualTo(Money.parse("60.00"));
		}
	}

	@Test
	void theBaselineHistoricalAccountDoesNotPaySelfPayFirst() {
		ClaimValuation valuation = this.valuer.value(claim("P").on("2013-04-30").line("B10", "100.00").build(),
				this.registry, state("1000.00"));
		assertThat(valuation.amounts()).isEqualTo(amounts("100.00", "0.00", "10.00", "0.00", "0.00", "36.00", "0.00",
				"54.00", "0.00", "36.00", "0.00", "10.00"));
		assertThat(valuation.familyPayments()).isEmpty();
	}

	@Test
	void theAdjustedHistoricalAccountPaysSelfPayFirstToo() {
		ClaimValuation valuation = this.valuer.value(claim("P").on("2013-05-01").line("B10", "100.00").build(),
				this.registry, state("1000.00"));
		assertThat(valuation.amounts()).isEqualTo(amounts("100.00", "0.00", "10.00", "0.00", "0.00", "36.00", "0.00",
				"54.00", "0.00", "46.00", "0.00", "0.00"));
	}

	@Test
	void selfPayAndOverCapAreNeverPaidFromAnAccount() {
		ClaimValuation valuation = this.valuer.value(claim("P").line("C", "100.00").build(), this.registry,
				state("1000.00"));
		assertThat(valuation.amounts().historicalAccount()).isEqualTo(Money.ZERO);
		assertThat(valuation.amounts().cash()).isEqualTo(Money.parse("100.00"));
	}

	@Test
	void anInsuredPatientsFamilyAccountsPayAfterTheOwnHistoricalAccountInBindingOrder() {
		HouseholdState state = state("30.00");
		// fund 120.00, coinsurance 80.00: own 30.00, then G0 (same date, lower id) 40.00,
		// then G1 10.00
		ClaimValuation valuation = this.valuer.settle(claim("P").line("A", "200.00").build(), this.registry, state);
		assertThat(valuation.amounts()).isEqualTo(amounts("200.00", "0.00", "0.00", "0.00", "0.00", "80.00", "0.00",
				"120.00", "0.00", "30.00", "50.00", "0.00"));
		assertThat(valuation.familyPayments()).containsExactly(new FamilyPayment("G0", Money.parse("40.00")),
				new FamilyPayment("G1", Money.parse("10.00")));
		assertThat(state.balances("P")).isEqualTo(balances("0.00", "0.00"));
		assertThat(state.balances("G0")).isEqualTo(balances("0.00", "0.00"));
		assertThat(state.balances("G1")).isEqualTo(balances("0.00", "10.00"));
		assertThat(state.balances("GS")).isEqualTo(balances("0.00", "999.00"));
		assertThat(state.balances("G2")).isEqualTo(balances("0.00", "999.00"));
		assertThat(ShippedPolicies.explanation(valuation))
			.contains("Family accounts (亲属历年账户) pay 50.00 in binding order: G0 40.00, G1 10.00.");
	}

	@Test
	void familyAccountsDoNotPayUnderTheBaseline() {
		ClaimValuation valuation = this.valuer.value(claim("P").on("2013-04-30").line("A", "200.00").build(),
				this.registry, state("30.00"));
		assertThat(valuation.amounts().familyAccount()).isEqualTo(Money.ZERO);
		assertThat(valuation.amounts().cash()).isEqualTo(Money.parse("50.00"));
	}

	@Test
	void aCoveredRelativesSpecialDiseaseClaimIsPaidLikeAnyOtherPersonalPart() {
		Registry relatives = Fixtures.registryWithCatalog()
			.person(Fixtures.inService("G"))
			.binding(new FamilyBinding("G", "K", Relation.CHILD, LocalDate.of(2013, 5, 1), null))
			.build();
		HouseholdState state = new HouseholdState();
		state.putBalances("G", balances("500.00", "30.00"));
		ClaimValuation valuation = this.valuer.settle(claim("K").specialDisease("SD01").line("B10", "100.00").build(),
				relatives, state);
		assertThat(valuation.amounts()).isEqualTo(amounts("100.00", "0.00", "10.00", "0.00", "0.00", "90.00", "0.00",
				"0.00", "0.00", "0.00", "30.00", "70.00"));
		assertThat(valuation.valuedAs()).isEqualTo(VisitType.SPD);
		assertThat(state.balances("G")).isEqualTo(balances("500.00", "0.00"));
		assertThat(state.touchedYearTotals()).isEmpty();
	}

}
