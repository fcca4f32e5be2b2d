package org.medclaims.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle of the rendered explanation: the sentence-building code of the engine as it
 * was when it built sentences while settling (policy/Explanation.java and the rule
 * strings of policy/LineRules.java at commit 45208b3), copied here unchanged but for
 * where it reads its inputs: the engine's working figures of the claim (the fund share's
 * basis in words was a field of FundRules.FundShare, built from the same category and
 * level).
 */
public final class TodaysExplanation {

	private TodaysExplanation() {
	}

	/**
	 * The explanation the engine stored for a claim it settles against this state (before
	 * the claim is applied).
	 */
	public static List<String> sentences(ClaimValuer valuer, ClaimToValue claim, Registry registry,
			HouseholdState state) {
		ClaimValuer.Breakdown breakdown = valuer.breakdown(claim, registry, state);
		return sentences(breakdown, breakdown.amounts());
	}

	/** Each line's rule as the engine stored it. */
	public static List<String> rules(ClaimToValue claim, Registry registry) {
		List<String> rules = new ArrayList<>(claim.lines().size());
		for (ClaimLine line : claim.lines()) {
			CatalogItem item = registry.catalogItem(line.itemCode(), claim.serviceDate()).orElse(null);
			rules.add(item == null ? "not in the catalog on the service date, self-pay" : rule(line, item));
		}
		return rules;
	}

	// LineRules.valueCatalogued, the rule only
	private static String rule(ClaimLine line, CatalogItem item) {
		Money overPrice = overPrice(line, item.maxUnitPrice());
		Ratio ratio = item.selfPayRatio();
		String rule;
		if (ratio.isOne()) {
			rule = "class C, self-pay";
		}
		else if (ratio.isZero()) {
			rule = "class A, fully eligible";
		}
		else {
			rule = "class B, self-pay ratio " + ratio;
		}
		if (abovePriceLimit(line, item.maxUnitPrice())) {
			rule += "; unit price " + line.unitPrice().toPlainString() + " above the maximum "
					+ item.maxUnitPrice().toPlainString() + ", excess " + overPrice + " self-pay";
		}
		return rule;
	}

	private static boolean abovePriceLimit(ClaimLine line, BigDecimal maxUnitPrice) {
		return maxUnitPrice != null && line.unitPrice().compareTo(maxUnitPrice) > 0;
	}

	private static Money overPrice(ClaimLine line, BigDecimal maxUnitPrice) {
		if (!abovePriceLimit(line, maxUnitPrice)) {
			return Money.ZERO;
		}
		Money allowed = Money.roundHalfUp(maxUnitPrice.multiply(line.quantity()));
		return line.amount().minus(allowed).max(Money.ZERO).min(line.amount());
	}

	// FundRules: the basis each of outpatient(), inpatient() and specialDisease() gave
	// its FundShare
	private static String basis(ClaimValuer.Breakdown breakdown) {
		Category category = breakdown.coverage.insured().category();
		HospitalLevel level = breakdown.claim.hospitalLevel();
		return switch (breakdown.fundShare.valuedAs()) {
			case OUT -> "outpatient ratio for " + category + " at a " + level + " hospital";
			case INP -> "inpatient ratio for " + category + " at a " + level + " hospital";
			case SPD -> "special-disease ratio for " + category + " at a " + level + " hospital";
		};
	}

	// Explanation.sentences
	static List<String> sentences(ClaimValuer.Breakdown breakdown, Amounts amounts) {
		List<String> said = new ArrayList<>(8);
		FundRules.FundShare fund = breakdown.fundShare;
		if (amounts.selfPay().isPositive()) {
			said.add("Self-pay (自费) " + amounts.selfPay()
					+ ": class C items, items not in the catalog and prices above the catalog maximum are not covered.");
		}
		Money classB = breakdown.lines.selfPayFirst();
		if (classB.isPositive()) {
			said.add("Self-pay-first (自理) " + classB
					+ ": the patient's share of class B items at their self-pay ratios.");
		}
		if (breakdown.firstSelfPay.isPositive()) {
			said.add("Ad-hoc first self-pay " + breakdown.firstSelfPay + ": "
					+ breakdown.version.adhocUnregisteredFirstSelfPay()
					+ " of the eligible amount of an out-of-area stay not registered in advance, borne like 自理.");
		}
		if (fund == null) {
			said.add("The patient is not insured but a covered relative (家庭共济): the fund pays nothing and the "
					+ "eligible amount " + amounts.coinsurance() + " is the patient's own part.");
		}
		if (breakdown.warnings.contains(Warning.W_NOT_CERTIFIED)) {
			said.add("No certification (特殊病种备案) for special disease " + breakdown.claim.specialDiseaseCode() + " on "
					+ breakdown.claim.serviceDate() + ": valued as an outpatient claim.");
		}
		if (amounts.currentAccount().isPositive()) {
			said.add("The current-year account (当年账户) pays " + amounts.currentAccount()
					+ " of the eligible amount first.");
		}
		if (amounts.segment().isPositive()) {
			said.add("Outpatient self-pay segment (门诊自负段) " + amounts.segment() + ", of a yearly "
					+ breakdown.version.selfPaySegment(breakdown.coverage.insured().category()) + ".");
		}
		if (amounts.deductible().isPositive()) {
			said.add("Inpatient deductible (起付标准) " + amounts.deductible() + " for a " + breakdown.claim.hospitalLevel()
					+ " hospital, where a first admission of the year bears "
					+ breakdown.version.deductible(breakdown.claim.hospitalLevel()) + " and later ones "
					+ breakdown.version.inpatientSubsequentAdmissionFactor() + " of it, at most the eligible amount.");
		}
		if (fund != null && fund.share().isPositive()) {
			said.add("The fund's share (统筹基金) is " + fund.base() + " × " + fund.ratio() + " = " + fund.share()
					+ ", the " + basis(breakdown) + ".");
		}
		if (amounts.coinsurance().isPositive() && fund != null) {
			said.add("Coinsurance (共付段个人负担) " + amounts.coinsurance() + ": the patient's part of " + fund.base() + ".");
		}
		if (amounts.overCap().isPositive()) {
			said.add("Over the annual fund cap (超封顶) " + amounts.overCap() + ": only " + fund.capLeft() + " of the "
					+ breakdown.version.annualFundCap() + " cap was left this year.");
		}
		if (amounts.historicalAccount().isPositive()) {
			said.add("The patient's historical account (历年账户) pays " + amounts.historicalAccount()
					+ " of the personal part" + (breakdown.version.historicalAccountPaysSelfPayFirst()
							? ", which includes 自理 under this policy." : ", which excludes 自理 under this policy."));
		}
		if (amounts.familyAccount().isPositive()) {
			StringBuilder parts = new StringBuilder();
			for (FamilyPayment payment : breakdown.familyPayments) {
				parts.append(parts.length() == 0 ? "" : ", ")
					.append(payment.grantorId())
					.append(' ')
					.append(payment.amount());
			}
			said.add("Family accounts (亲属历年账户) pay " + amounts.familyAccount() + " in binding order: " + parts + ".");
		}
		if (amounts.cash().isPositive()) {
			said.add("The patient pays " + amounts.cash() + " in cash (现金).");
		}
		return said;
	}

}
