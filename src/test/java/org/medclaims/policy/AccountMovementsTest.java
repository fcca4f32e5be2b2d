package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.medclaims.policy.Claims.claim;
import static org.medclaims.policy.Fixtures.balances;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * accounts.md in the engine: credits, the year-end rollover, the reversal of a settled
 * claim, and worked example E.
 */
class AccountMovementsTest {

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	@Test
	void aCreditGoesToTheCurrentAccountUnlessItsYearWasRolledOver() {
		AccountCredit credit = new AccountCredit("P", YearMonth.of(2013, 10), Money.parse("40.00"));

		assertThat(credit.account(Set.of())).isEqualTo(Account.CURRENT);
		assertThat(credit.account(Set.of(2012))).isEqualTo(Account.CURRENT);
		assertThat(credit.account(Set.of(2013))).isEqualTo(Account.HISTORICAL);
	}

	@Test
	void aCreditIsAboveZeroAndAtMost99999Point99() {
		assertThat(AccountCredit.isCreditable(Money.parse("0.01"))).isTrue();
		assertThat(AccountCredit.isCreditable(Money.parse("99999.99"))).isTrue();
		assertThat(AccountCredit.isCreditable(Money.parse("100000.00"))).isFalse();
		assertThat(AccountCredit.isCreditable(Money.ZERO)).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AccountCredit("P", YearMonth.of(2014, 1), Money.ZERO));
	}

	@Test
	void creditsAddToTheAccountTheyAreGivenAndTouchThePerson() {
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("1.00", "2.00"));
		state.putBalances("Q", balances("0.00", "0.00"));

		state.credit("P", Account.CURRENT, Money.parse("152.40"));
		state.credit("P", Account.HISTORICAL, Money.parse("0.60"));

		assertThat(state.balances("P")).isEqualTo(balances("153.40", "2.60"));
		assertThat(state.touchedBalances()).containsOnlyKeys("P");
		assertThat(state.touchedYearTotals()).isEmpty();
	}

	@Test
	void theRolloverMovesTheWholeCurrentBalanceAndNothingWhenItIsEmpty() {
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("123.45", "100.00"));
		state.putBalances("EMPTY", balances("0.00", "7.00"));

		assertThat(state.rollOver("P")).isEqualTo(Money.parse("123.45"));
		assertThat(state.rollOver("EMPTY")).isEqualTo(Money.ZERO);

		assertThat(state.balances("P")).isEqualTo(balances("0.00", "223.45"));
		assertThat(state.balances("EMPTY")).isEqualTo(balances("0.00", "7.00"));
		assertThat(state.touchedPersons()).containsExactly("P");
	}

	@Test
	void aReversalReturnsEveryMovementToItsAccountAndReducesTheServiceYear() {
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("5.00", "0.00"));
		state.putBalances("G", balances("0.00", "1.00"));
		state.putYearTotals("P", 2013, new YearTotals(Money.parse("900.00"), Money.parse("300.00"), 2));
		ClaimReversal reversal = new ClaimReversal("C9", "P", 2013, true, true, Money.parse("800.00"),
				Money.parse("0.00"), List.of(new AccountMovement("P", Account.HISTORICAL, Money.parse("40.00")),
						new AccountMovement("G", Account.HISTORICAL, Money.parse("10.00"))));

		state.reverse(reversal);

		assertThat(state.balances("P")).isEqualTo(balances("5.00", "40.00"));
		assertThat(state.balances("G")).isEqualTo(balances("0.00", "11.00"));
		assertThat(state.yearTotals("P", 2013))
			.isEqualTo(new YearTotals(Money.parse("100.00"), Money.parse("300.00"), 1));
		assertThat(state.touchedPersons()).containsExactlyInAnyOrder("P", "G");
		assertThat(state.touchedYearTotals()).extracting(HouseholdState.PersonYearTotals::year).containsExactly(2013);
	}

	@Test
	void anUninsuredRelativesReversalTouchesOnlyTheGrantors() {
		HouseholdState state = new HouseholdState();
		state.putBalances("G", balances("0.00", "0.00"));
		ClaimValuation relatives = new ClaimValuation("C3", "CHILD", ValuationOutcome.SETTLED, null, "ok", "2013-05-01",
				LocalDate.of(2013, 6, 10), VisitType.OUT, false,
				Fixtures.amounts("100.00", "0.00", "20.00", "0.00", "0.00", "80.00", "0.00", "0.00", "0.00", "0.00",
						"100.00", "0.00"),
				List.of(), List.of(), List.of(new FamilyPayment("G", Money.parse("100.00"))),
				new ValuationBasis(HospitalLevel.TERTIARY, null, null, null));

		state.reverse(ClaimReversal.of(relatives));

		assertThat(state.balances("G")).isEqualTo(balances("0.00", "100.00"));
		assertThat(state.touchedYearTotals()).isEmpty();
		assertThat(state.touchedPersons()).containsExactly("G");
	}

	@Test
	void aReversalTheYearNeverCountedChangesNothing() {
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("0.00", "0.00"));
		state.putYearTotals("P", 2013, new YearTotals(Money.ZERO, Money.parse("100.00"), 0));
		ClaimReversal tooMuch = new ClaimReversal("C9", "P", 2013, true, false, Money.ZERO, Money.parse("200.00"),
				List.of(new AccountMovement("P", Account.HISTORICAL, Money.parse("40.00"))));

		assertThatIllegalStateException().isThrownBy(() -> state.reverse(tooMuch))
			.withMessageContaining("never counted");

		assertThat(state.balances("P")).isEqualTo(balances("0.00", "0.00"));
		assertThat(state.touchedPersons()).isEmpty();
	}

	@Test
	void onlyASettledClaimHasAReversal() {
		ClaimValuation rejected = new ClaimValuation("C1", "P", ValuationOutcome.REJECTED, "E_NOT_INSURED", "no", null,
				LocalDate.of(2013, 6, 10), VisitType.OUT, false, Amounts.rejected(Money.parse("5.00")), List.of(),
				List.of(), List.of(), null);

		assertThatIllegalArgumentException().isThrownBy(() -> ClaimReversal.of(rejected));
	}

	/** accounts.md, worked example E, every step through the engine. */
	@Test
	void workedExampleE() {
		Registry registry = Fixtures.registryWithCatalog().person(Fixtures.inService("P")).build();
		HouseholdState state = new HouseholdState();
		state.putBalances("P", balances("0.00", "100.00"));
		Set<Integer> rolledOver = new HashSet<>();
		// 1. credits for 2013-11 and 2013-12
		credit(state, rolledOver, "2013-11", "50.00");
		credit(state, rolledOver, "2013-12", "50.00");
		assertThat(state.balances("P")).isEqualTo(balances("100.00", "100.00"));

		// 2. an OUT claim at a tertiary hospital, 300.00 of class A, under 2013-05-01
		ClaimValuation settled = this.valuer.settle(claim("P").on("2013-12-20").line("A", "300.00").build(), registry,
				state);
		assertThat(settled.amounts()).isEqualTo(Fixtures.amounts("300.00", "0.00", "0.00", "0.00", "200.00", "0.00",
				"0.00", "0.00", "100.00", "100.00", "0.00", "100.00"));
		assertThat(state.balances("P")).isEqualTo(balances("0.00", "0.00"));
		assertThat(state.yearTotals("P", 2013)).isEqualTo(new YearTotals(Money.ZERO, Money.parse("200.00"), 0));

		// 4. rollover 2013: nothing to move
		assertThat(state.rollOver("P")).isEqualTo(Money.ZERO);
		rolledOver.add(2013);

		// 5. a credit for 2014-01, and a late one for 2013-10 into the historical account
		credit(state, rolledOver, "2014-01", "60.00");
		credit(state, rolledOver, "2013-10", "40.00");
		assertThat(state.balances("P")).isEqualTo(balances("60.00", "40.00"));

		// 6. the reversal of step 2's claim: the money goes back into the accounts it
		// left
		state.reverse(ClaimReversal.of(settled));
		assertThat(state.balances("P")).isEqualTo(balances("160.00", "140.00"));
		assertThat(state.yearTotals("P", 2013)).isEqualTo(YearTotals.ZERO);
	}

	private static void credit(HouseholdState state, Set<Integer> rolledOver, String month, String amount) {
		AccountCredit credit = new AccountCredit("P", YearMonth.parse(month), Money.parse(amount));
		state.credit(credit.personId(), credit.account(rolledOver), credit.amount());
	}

}
