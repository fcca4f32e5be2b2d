package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.medclaims.policy.Fixtures.balances;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class HouseholdStateTest {

	private static ClaimValuation settled(String patientId, Amounts amounts, List<FamilyPayment> family) {
		return new ClaimValuation("C1", patientId, ValuationOutcome.SETTLED, null, "ok", "2013-05-01",
				LocalDate.of(2013, 6, 10), VisitType.INP, true, amounts, List.of(), List.of(), family,
				new ValuationBasis(HospitalLevel.TERTIARY, Category.IN_SERVICE, Ratio.of("0.85"), null));
	}

	@Test
	void unknownPersonsHaveZeroBalancesAndZeroTotals() {
		HouseholdState state = new HouseholdState();
		assertThat(state.balances("X")).isEqualTo(Balances.ZERO);
		assertThat(state.yearTotals("X", 2013)).isEqualTo(YearTotals.ZERO);
	}

	@Test
	void aRejectedValuationChangesNothing() {
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("10.00", "10.00"));
		state.apply(new ClaimValuation("C1", "P", ValuationOutcome.REJECTED, "E_NOT_INSURED", "no", null,
				LocalDate.of(2013, 6, 10), VisitType.OUT, false, Amounts.rejected(Money.parse("5.00")), List.of(),
				List.of(), List.of(), null));
		assertThat(state.balances("P")).isEqualTo(balances("10.00", "10.00"));
		assertThat(state.touchedPersons()).isEmpty();
		assertThat(state.touchedYearTotals()).isEmpty();
	}

	@Test
	void aValuationThatWouldOverdrawAnyAccountChangesNothingAtAll() {
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("10.00", "10.00"));
		state.putBalances("G", balances("0.00", "1.00"));
		Amounts amounts = Fixtures.amounts("22.00", "0.00", "0.00", "0.00", "0.00", "12.00", "0.00", "0.00", "10.00",
				"10.00", "2.00", "0.00");
		ClaimValuation overdraws = settled("P", amounts, List.of(new FamilyPayment("G", Money.parse("2.00"))));

		assertThatIllegalStateException().isThrownBy(() -> state.apply(overdraws))
			.withMessageContaining("would take an account below zero");
		assertThat(state.balances("P")).isEqualTo(balances("10.00", "10.00"));
		assertThat(state.yearTotals("P", 2013)).isEqualTo(YearTotals.ZERO);
		assertThat(state.touchedPersons()).isEmpty();
	}

	@Test
	void applyingListsEveryTouchedPersonAndYearForTheWriter() {
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("10.00", "10.00"));
		state.putBalances("G", balances("0.00", "5.00"));
		state.putBalances("UNTOUCHED", balances("1.00", "1.00"));
		Amounts amounts = Fixtures.amounts("30.00", "0.00", "0.00", "10.00", "0.00", "5.00", "0.00", "15.00", "0.00",
				"10.00", "5.00", "0.00");

		state.apply(settled("P", amounts, List.of(new FamilyPayment("G", Money.parse("5.00")))));

		assertThat(state.touchedPersons()).containsExactly("P", "G");
		assertThat(state.touchedBalances()).containsEntry("P", balances("10.00", "0.00"))
			.containsEntry("G", balances("0.00", "0.00"))
			.doesNotContainKey("UNTOUCHED");
		assertThat(state.allBalances()).containsKey("UNTOUCHED");
		assertThat(state.touchedYearTotals()).containsExactly(
				new HouseholdState.PersonYearTotals("P", 2013, new YearTotals(Money.parse("15.00"), Money.ZERO, 1)));
	}

}
