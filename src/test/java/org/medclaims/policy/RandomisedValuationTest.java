package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Thousands of generated claims in many households (seeded, so any failure replays): the
 * balance identities hold, nothing goes negative, and the interleaving of independent
 * households does not matter.
 */
class RandomisedValuationTest {

	private static final long SEED = 20130501L;

	private final RandomWorld world = new RandomWorld(new Random(SEED), 300);

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	@Test
	void everySettledClaimBalancesToTheFenAndNothingGoesNegative() {
		HouseholdState state = this.world.openingState();
		int settled = 0;
		for (ClaimToValue claim : this.world.claimsInSettlementOrder()) {
			ClaimValuation valuation = this.valuer.settle(claim, this.world.registry(), state);
			assertThat(valuation.amounts().total()).isEqualTo(claim.total());
			if (valuation.settled()) {
				settled++;
				assertSettledClaimIsConsistent(valuation);
			}
			else {
				assertThat(valuation.amounts()).isEqualTo(Amounts.rejected(claim.total()));
			}
		}
		state.allBalances().forEach((person, balances) -> {
			assertThat(balances.currentAccount().isNegative()).as(person).isFalse();
			assertThat(balances.historicalAccount().isNegative()).as(person).isFalse();
		});
		assertThat(settled).as("settled claims").isGreaterThan(3000);
	}

	@Test
	void valuingIndependentHouseholdsInAnyInterleavingGivesIdenticalResults() {
		Map<String, ClaimValuation> oneStatePerHousehold = new HashMap<>();
		Map<String, Balances> balancesPerHousehold = new HashMap<>();
		for (List<ClaimToValue> household : this.world.claimsByHousehold()) {
			HouseholdState state = this.world.openingState();
			for (ClaimToValue claim : household) {
				oneStatePerHousehold.put(claim.claimNo(), this.valuer.settle(claim, this.world.registry(), state));
			}
			state.touchedBalances().forEach(balancesPerHousehold::put);
		}

		for (long shuffle = 1; shuffle <= 3; shuffle++) {
			HouseholdState shared = this.world.openingState();
			for (ClaimToValue claim : interleave(this.world.claimsByHousehold(), new Random(shuffle))) {
				ClaimValuation valuation = this.valuer.settle(claim, this.world.registry(), shared);
				assertThat(valuation).isEqualTo(oneStatePerHousehold.get(claim.claimNo()));
			}
			assertThat(shared.touchedBalances()).isEqualTo(balancesPerHousehold);
		}
	}

	@Test
	void everyExplanationAndLineRuleReadsAsTheEngineWroteThemWhileSettling() {
		HouseholdState state = this.world.openingState();
		int explained = 0;
		for (ClaimToValue claim : this.world.claimsInSettlementOrder()) {
			ClaimValuation valuation = this.valuer.value(claim, this.world.registry(), state);
			if (valuation.settled()) {
				explained++;
				assertThat(ShippedPolicies.explanation(valuation)).as(claim.claimNo())
					.isEqualTo(TodaysExplanation.sentences(this.valuer, claim, this.world.registry(), state));
				assertThat(valuation.lines().stream().map(Explanation::rule).toList()).as(claim.claimNo())
					.isEqualTo(TodaysExplanation.rules(claim, this.world.registry()));
			}
			state.apply(valuation);
		}
		assertThat(explained).as("settled claims").isGreaterThan(3000);
	}

	@Test
	void valuingWithoutSettlingChangesNoState() {
		HouseholdState state = this.world.openingState();
		Map<String, Balances> before = Map.copyOf(state.allBalances());
		for (ClaimToValue claim : this.world.claimsInSettlementOrder().subList(0, 500)) {
			this.valuer.value(claim, this.world.registry(), state);
		}
		assertThat(state.allBalances()).isEqualTo(before);
		assertThat(state.touchedPersons()).isEmpty();
	}

	private static void assertSettledClaimIsConsistent(ClaimValuation valuation) {
		Amounts amounts = valuation.amounts();
		assertThat(amounts.balances()).as(valuation.claimNo() + " " + amounts).isTrue();
		for (Money amount : new Money[] { amounts.selfPay(), amounts.selfPayFirst(), amounts.deductible(),
				amounts.segment(), amounts.coinsurance(), amounts.overCap(), amounts.fund(), amounts.currentAccount(),
				amounts.historicalAccount(), amounts.familyAccount(), amounts.cash() }) {
			assertThat(amount.isNegative()).as(valuation.claimNo() + " " + amounts).isFalse();
		}
		long family = valuation.familyPayments().stream().mapToLong(payment -> payment.amount().fen()).sum();
		assertThat(family).isEqualTo(amounts.familyAccount().fen());
		long lineSelfPay = valuation.lines().stream().mapToLong(line -> line.selfPay().fen()).sum();
		assertThat(lineSelfPay).isEqualTo(amounts.selfPay().fen());
		assertThat(valuation.warnings()).doesNotHaveDuplicates();
		assertThat(valuation.warnings().contains("W_OVER_CAP")).isEqualTo(amounts.overCap().isPositive());
		if (!valuation.insuredPatient()) {
			assertThat(amounts.fund().fen() + amounts.currentAccount().fen() + amounts.historicalAccount().fen())
				.isZero();
		}
	}

	/** A random merge that keeps each household's own order. */
	private static List<ClaimToValue> interleave(List<List<ClaimToValue>> households, Random random) {
		List<ClaimToValue> merged = new ArrayList<>();
		List<Integer> next = new ArrayList<>();
		List<List<ClaimToValue>> open = new ArrayList<>();
		for (List<ClaimToValue> household : households) {
			if (!household.isEmpty()) {
				open.add(household);
				next.add(0);
			}
		}
		while (!open.isEmpty()) {
			int pick = random.nextInt(open.size());
			int position = next.get(pick);
			merged.add(open.get(pick).get(position));
			if (position + 1 == open.get(pick).size()) {
				open.remove(pick);
				next.remove(pick);
			}
			else {
				next.set(pick, position + 1);
			}
		}
		return merged;
	}

}
