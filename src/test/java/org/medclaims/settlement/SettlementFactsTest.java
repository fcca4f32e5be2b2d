package org.medclaims.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.medclaims.policy.Amounts;
import org.medclaims.policy.Category;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ValuationOutcome;
import org.medclaims.policy.ClaimToValue;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.ClaimValuer;
import org.medclaims.policy.FamilyPayment;
import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.LineRule;
import org.medclaims.policy.LineValuation;
import org.medclaims.policy.Money;
import org.medclaims.policy.RandomWorld;
import org.medclaims.policy.Ratio;
import org.medclaims.policy.ShippedPolicies;
import org.medclaims.policy.ValuationBasis;
import org.medclaims.policy.VisitType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The stored form of a settled claim's facts: what it looks like, and that it reads back
 * as written.
 */
class SettlementFactsTest {

	private static final ClaimLine DRUG = line(1, "A", "300.0000", "1.000", "300.00");

	private static final ClaimLine ITEM = line(2, "B10", "100.0000", "2.000", "200.00");

	@Test
	void anInsuredPatientsClaimIsItsLevelCategoryFundRatioAndOneCodePerLine() {
		ClaimValuation valuation = settled(
				List.of(LineValuation.of(DRUG, LineRule.catalogued(Ratio.ZERO)),
						LineValuation.of(ITEM, LineRule.catalogued(Ratio.of("0.10")))),
				List.of(), new ValuationBasis(HospitalLevel.TERTIARY, Category.IN_SERVICE, Ratio.of("0.60"), null));

		assertThat(SettlementFacts.encode(valuation)).isEqualTo("TI.6|AB.1");
		assertRoundTrip(valuation, List.of(DRUG, ITEM));
	}

	@Test
	void aRelativesClaimHasNoCategoryAndNamesEveryGrantorInPayingOrder() {
		ClaimValuation valuation = settled(
				List.of(LineValuation.of(DRUG, LineRule.NOT_IN_CATALOG),
						LineValuation.of(ITEM, LineRule.catalogued(Ratio.ONE))),
				List.of(new FamilyPayment("330282195509255087", Money.ZERO),
						new FamilyPayment("330203192904100713", Money.parse("134.26"))),
				new ValuationBasis(HospitalLevel.SECONDARY, null, null, null));

		assertThat(SettlementFacts.encode(valuation)).isEqualTo("S|NC|330282195509255087:0,330203192904100713:13426");
		assertRoundTrip(valuation, List.of(DRUG, ITEM));
	}

	@Test
	void aLineAboveItsMaximumKeepsTheMaximumAndAUnitPriceScaleOtherThanTheStoredFour() {
		// a clerk typed 200.50; claim_line gives back 200.5000, the explanation must
		// still say 200.50
		ClaimLine typed = line(1, "X00001", "200.50", "2", "401.00");
		ClaimLine fromFile = line(2, "X00007", "140.1250", "1.000", "140.13");
		ClaimValuation valuation = settled(List.of(
				LineValuation.of(typed, new LineRule(Ratio.of("0.15"), new BigDecimal("188.0000"), typed.unitPrice())),
				LineValuation.of(fromFile, new LineRule(Ratio.ZERO, new BigDecimal("132.0000"), fromFile.unitPrice()))),
				List.of(), new ValuationBasis(HospitalLevel.COMMUNITY, Category.RETIRED, Ratio.ONE, "SD02"));

		assertThat(SettlementFacts.encode(valuation)).isEqualTo("CR1|B.15@188.0000~2A@132.0000");
		assertRoundTrip(valuation, stored(List.of(typed, fromFile)));
	}

	@Test
	void aRejectedClaimHasNoFactsAndReadsBackFromItsRowsAlone() {
		ClaimValuation rejected = new ClaimValuation("C9", "P", ValuationOutcome.REJECTED, "E_NOT_INSURED",
				"The patient is neither insured nor a covered relative (E_NOT_INSURED).", "2013-05-01",
				LocalDate.of(2013, 6, 10), VisitType.SPD, false, Amounts.rejected(Money.parse("500.00")), List.of(),
				List.of(), List.of(), null);

		assertThat(SettlementFacts.encode(rejected)).isNull();
		assertThat(SettlementFacts.decode(SettlementFacts.Row.of(rejected, VisitType.SPD, "SD01"), null, List.of()))
			.isEqualTo(rejected);
	}

	@Test
	void everyClaimOfAGeneratedWorldReadsBackAsValuedAndTakesFewBytes() {
		RandomWorld world = new RandomWorld(new Random(20131231L), 300);
		ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());
		HouseholdState state = world.openingState();
		long bytes = 0;
		int settled = 0;
		for (ClaimToValue claim : world.claimsInSettlementOrder()) {
			ClaimValuation valuation = valuer.settle(claim, world.registry(), state);
			String facts = SettlementFacts.encode(valuation);
			SettlementFacts.Row row = SettlementFacts.Row.of(valuation, claim.visitType(), claim.specialDiseaseCode());
			assertThat(SettlementFacts.decode(row, facts, stored(claim.lines()))).as(claim.claimNo())
				.isEqualTo(valuation);
			if (valuation.settled()) {
				settled++;
				bytes += facts.length();
			}
		}
		assertThat(settled).isGreaterThan(3000);
		// the world's catalog prices a third of its items and has lines of up to six
		assertThat(bytes / settled).as("bytes per settled claim").isLessThan(40);
	}

	@Test
	void brokenFactsSayWhichClaimTheyBelongTo() {
		ClaimValuation valuation = settled(List.of(LineValuation.of(DRUG, LineRule.catalogued(Ratio.ZERO))), List.of(),
				new ValuationBasis(HospitalLevel.TERTIARY, Category.IN_SERVICE, Ratio.of("0.60"), null));
		SettlementFacts.Row row = SettlementFacts.Row.of(valuation, VisitType.OUT, null);

		assertThatIllegalStateException().isThrownBy(() -> SettlementFacts.decode(row, "TI.6|AA", List.of(DRUG)))
			.withMessageContaining("claim C1")
			.withMessageContaining("more lines than the claim's 1");
		assertThatIllegalStateException().isThrownBy(() -> SettlementFacts.decode(row, "TI.6|", List.of(DRUG)))
			.withMessageContaining("0 lines where the claim has 1");
		assertThatIllegalStateException().isThrownBy(() -> SettlementFacts.decode(row, "XI.6|A", List.of(DRUG)))
			.withMessageContaining("no HospitalLevel has the code X");
		assertThatIllegalStateException().isThrownBy(() -> SettlementFacts.decode(row, "TI.6|Z", List.of(DRUG)))
			.withMessageContaining("no line rule has the code Z");
	}

	@Test
	void theCodesOfLevelsAndCategoriesAreTheirUnambiguousFirstLetters() {
		for (Class<? extends Enum<?>> type : List.of(HospitalLevel.class, Category.class)) {
			String letters = Arrays.stream(type.getEnumConstants())
				.map(c -> c.name().substring(0, 1))
				.collect(Collectors.joining());
			assertThat(letters.chars().distinct().count()).as(type.getSimpleName()).isEqualTo(letters.length());
		}
	}

	private static void assertRoundTrip(ClaimValuation valuation, List<ClaimLine> storedLines) {
		SettlementFacts.Row row = SettlementFacts.Row.of(valuation, VisitType.OUT,
				valuation.basis().specialDiseaseCode());
		assertThat(SettlementFacts.decode(row, SettlementFacts.encode(valuation), storedLines)).isEqualTo(valuation);
	}

	private static ClaimValuation settled(List<LineValuation> lines, List<FamilyPayment> payments,
			ValuationBasis basis) {
		Money total = Money.ofFen(lines.stream().mapToLong(l -> l.amount().fen()).sum());
		Amounts amounts = new Amounts(total, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
				Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, total);
		return new ClaimValuation("C1", "P", ValuationOutcome.SETTLED, null, "Settled.", "2013-05-01",
				LocalDate.of(2013, 6, 10), VisitType.OUT, basis.insuredPatient(), amounts, List.of(), lines, payments,
				basis);
	}

	/**
	 * The lines as claim_line gives them back: unit prices with four decimals, quantities
	 * with three.
	 */
	private static List<ClaimLine> stored(List<ClaimLine> lines) {
		return lines.stream()
			.map(l -> new ClaimLine(l.lineNo(), l.itemCode(), l.itemName(),
					l.unitPrice().setScale(4, RoundingMode.UNNECESSARY),
					l.quantity().setScale(3, RoundingMode.UNNECESSARY), l.amount()))
			.toList();
	}

	private static ClaimLine line(int lineNo, String itemCode, String unitPrice, String quantity, String amount) {
		return new ClaimLine(lineNo, itemCode, itemCode, new BigDecimal(unitPrice), new BigDecimal(quantity),
				Money.parse(amount));
	}

}
