package org.medclaims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.policy.Claims.claim;
import static org.medclaims.policy.Fixtures.balances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The explanation rendered from a valuation's facts is, character for character, the one
 * the engine built while settling ({@link TodaysExplanation}): on the worked examples A
 * to D of policy.md and on claims that reach every other sentence and rule.
 */
class ExplanationTest {

	private final ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());

	private final Registry registry = Fixtures.registryWithCatalog()
		.person(Fixtures.inService("P"))
		.person(Fixtures.retired("R"))
		.person(Fixtures.inService("M"))
		.person(Fixtures.inService("F"))
		.person(Fixtures.inService("S"))
		.binding(new FamilyBinding("M", "K", Relation.CHILD, LocalDate.of(2013, 5, 2), null))
		.binding(new FamilyBinding("F", "K", Relation.CHILD, LocalDate.of(2013, 5, 1), null))
		.binding(new FamilyBinding("F", "P", Relation.PARENT, LocalDate.of(2013, 5, 1), null))
		.certification(new Certification("S", "SD01", LocalDate.of(2013, 1, 1), null))
		.catalogItem(new CatalogItem("MAXB", "priced B", Ratio.of("0.125"), new BigDecimal("10.0000"),
				Fixtures.OPEN_FROM, null))
		.build();

	@Test
	void theWorkedExamplesReadAsBefore() {
		Map<String, ClaimValuation> examples = examples();
		assertThat(ShippedPolicies.explanation(examples.get("A"))).containsExactly(
				"Self-pay-first (自理) 20.00: the patient's share of class B items at their self-pay ratios.",
				"The current-year account (当年账户) pays 200.00 of the eligible amount first.",
				"Outpatient self-pay segment (门诊自负段) 100.00, of a yearly 1000.00.",
				"The fund's share (统筹基金) is 180.00 × 0.60 = 108.00, the outpatient ratio for IN_SERVICE at a TERTIARY hospital.",
				"Coinsurance (共付段个人负担) 72.00: the patient's part of 180.00.",
				"The patient's historical account (历年账户) pays 192.00 of the personal part, which includes 自理 under this policy.");
		assertThat(ShippedPolicies.explanation(examples.get("B"))).containsExactly(
				"Self-pay (自费) 500.00: class C items, items not in the catalog and prices above the catalog maximum are not covered.",
				"Inpatient deductible (起付标准) 300.00 for a SECONDARY hospital, where a first admission of the year bears 600.00 and later ones 0.50 of it, at most the eligible amount.",
				"The fund's share (统筹基金) is 9700.00 × 0.90 = 8730.00, the inpatient ratio for RETIRED at a SECONDARY hospital.",
				"Coinsurance (共付段个人负担) 970.00: the patient's part of 9700.00.",
				"Over the annual fund cap (超封顶) 7730.00: only 1000.00 of the 150000.00 cap was left this year.",
				"The patient's historical account (历年账户) pays 100.00 of the personal part, which includes 自理 under this policy.",
				"The patient pays 9400.00 in cash (现金).");
		assertThat(ShippedPolicies.explanation(examples.get("C"))).containsExactly(
				"Self-pay-first (自理) 20.00: the patient's share of class B items at their self-pay ratios.",
				"The patient is not insured but a covered relative (家庭共济): the fund pays nothing and the eligible amount 80.00 is the patient's own part.",
				"Family accounts (亲属历年账户) pay 100.00 in binding order: F 100.00, M 0.00.");
		assertThat(ShippedPolicies.explanation(examples.get("C rejected on 2013-04-30")))
			.containsExactly(examples.get("C rejected on 2013-04-30").message());
	}

	@Test
	void everySentenceAndRuleIsTheOneTheEngineBuiltWhileSettling() {
		Map<String, ClaimValuation> examples = examples();
		List<String> all = new ArrayList<>();
		examples.forEach((name, valuation) -> all.addAll(ShippedPolicies.explanation(valuation)));
		// every rule of the engine said at least once, or agreeing with the oracle proves
		// little
		assertThat(all).anyMatch(s -> s.startsWith("Self-pay (自费)"))
			.anyMatch(s -> s.startsWith("Self-pay-first (自理)"))
			.anyMatch(s -> s.startsWith("Ad-hoc first self-pay"))
			.anyMatch(s -> s.startsWith("The patient is not insured"))
			.anyMatch(s -> s.startsWith("No certification"))
			.anyMatch(s -> s.startsWith("The current-year account"))
			.anyMatch(s -> s.startsWith("Outpatient self-pay segment"))
			.anyMatch(s -> s.startsWith("Inpatient deductible"))
			.anyMatch(s -> s.contains("the outpatient ratio for"))
			.anyMatch(s -> s.contains("the inpatient ratio for"))
			.anyMatch(s -> s.contains("the special-disease ratio for"))
			.anyMatch(s -> s.startsWith("Coinsurance"))
			.anyMatch(s -> s.startsWith("Over the annual fund cap"))
			.anyMatch(s -> s.endsWith("which includes 自理 under this policy."))
			.anyMatch(s -> s.endsWith("which excludes 自理 under this policy."))
			.anyMatch(s -> s.startsWith("Family accounts"))
			.anyMatch(s -> s.startsWith("The patient pays"));
		List<String> rules = examples.values()
			.stream()
			.flatMap(v -> v.lines().stream())
			.map(Explanation::rule)
			.toList();
		assertThat(rules).contains("class A, fully eligible", "class C, self-pay", "class B, self-pay ratio 0.10",
				"not in the catalog on the service date, self-pay",
				"class B, self-pay ratio 0.125; unit price 12.50 above the maximum 10.0000, excess 5.00 self-pay");
	}

	/**
	 * Each claim valued against its own state; each compared with the oracle on the way.
	 */
	private Map<String, ClaimValuation> examples() {
		Map<String, ClaimValuation> valued = new LinkedHashMap<>();
		value(valued, "A", claim("P").line("A", "300.00").line("B10", "200.00"), () -> {
			HouseholdState state = new HouseholdState();
			state.putBalances("P", balances("200.00", "5000.00"));
			state.putYearTotals("P", 2013, new YearTotals(Money.ZERO, Money.parse("900.00"), 0));
			return state;
		});
		value(valued, "B",
				claim("R").type(VisitType.INP).at(HospitalLevel.SECONDARY).line("A", "10000.00").line("C", "500.00"),
				() -> {
					HouseholdState state = new HouseholdState();
					state.putBalances("R", balances("0.00", "100.00"));
					state.putYearTotals("R", 2013, new YearTotals(Money.parse("149000.00"), Money.ZERO, 1));
					return state;
				});
		value(valued, "C", claim("K").line("B20", "100.00"), () -> {
			HouseholdState state = new HouseholdState();
			state.putBalances("M", balances("0.00", "50.00"));
			state.putBalances("F", balances("0.00", "1000.00"));
			return state;
		});
		value(valued, "C rejected on 2013-04-30", claim("K").on("2013-04-30").line("B20", "100.00"),
				HouseholdState::new);
		value(valued, "D", claim("P").type(VisitType.INP).at(HospitalLevel.COMMUNITY).line("B15", "333.33"), () -> {
			HouseholdState state = new HouseholdState();
			state.putBalances("P", balances("0.00", "1000.00"));
			return state;
		});
		value(valued, "out of area, not registered, over the maximum, not in the catalog, family pays",
				claim("P").outOfArea().adhoc(false).line("MAXB", "12.50", "2").line("GONE", "3.00").line("A", "80.00"),
				() -> {
					HouseholdState state = new HouseholdState();
					state.putBalances("P", balances("0.00", "5.00"));
					state.putBalances("F", balances("0.00", "20.00"));
					state.putYearTotals("P", 2013, new YearTotals(Money.ZERO, Money.parse("1000.00"), 0));
					return state;
				});
		value(valued, "special disease without certification", claim("P").specialDisease("SD02").line("A", "50.00"),
				HouseholdState::new);
		value(valued, "certified special disease", claim("S").specialDisease("SD01").line("B10", "400.00"),
				HouseholdState::new);
		value(valued, "baseline: the historical account excludes 自理",
				claim("P").on("2013-04-30").line("B10", "100.00").line("A", "2000.00"), () -> {
					HouseholdState state = new HouseholdState();
					state.putBalances("P", balances("0.00", "3000.00"));
					return state;
				});
		return valued;
	}

	private void value(Map<String, ClaimValuation> valued, String name, Claims claims, Supplier<HouseholdState> state) {
		ClaimToValue claim = claims.build();
		ClaimValuation valuation = this.valuer.value(claim, this.registry, state.get());
		if (valuation.settled()) {
			assertThat(ShippedPolicies.explanation(valuation)).as(name)
				.isEqualTo(TodaysExplanation.sentences(this.valuer, claim, this.registry, state.get()));
			assertThat(valuation.lines().stream().map(Explanation::rule).toList()).as(name)
				.isEqualTo(TodaysExplanation.rules(claim, this.registry));
		}
		valued.put(name, valuation);
	}

}
