package org.medclaims.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Words for clerks, rendered from a valuation's facts when asked (the claim API, the
 * desk), never while settling: one sentence per rule that produced an amount, and each
 * line's rule. The response file's one-sentence summary is the exception, as it is stored
 * with the settlement.
 */
public final class Explanation {

	private Explanation() {
	}

	static String summary(String policyVersionId, Amounts amounts) {
		return "Settled under policy " + policyVersionId + ": fund " + amounts.fund() + ", accounts "
				+ amounts.accounts() + ", cash " + amounts.cash() + ".";
	}

	/**
	 * What decided a line: "class B, self-pay ratio 0.10", "not in the catalog on the
	 * service date, self-pay", …
	 */
	public static String rule(LineValuation line) {
		LineRule rule = line.rule();
		if (!rule.inCatalog()) {
			return "not in the catalog on the service date, self-pay";
		}
		Ratio ratio = rule.selfPayRatio();
		String said = ratio.isOne() ? "class C, self-pay"
				: ratio.isZero() ? "class A, fully eligible" : "class B, self-pay ratio " + ratio;
		if (rule.overPrice()) {
			said += "; unit price " + rule.unitPrice().toPlainString() + " above the maximum "
					+ rule.maxUnitPrice().toPlainString() + ", excess " + line.overPrice() + " self-pay";
		}
		return said;
	}

	/**
	 * One sentence per rule that produced an amount; a rejected claim's message alone.
	 * @param version the policy version the claim was valued under
	 * ({@link ClaimValuation#policyVersionId()})
	 */
	public static List<String> sentences(ClaimValuation valuation, PolicyVersion version) {
		if (!valuation.settled()) {
			return List.of(valuation.message());
		}
		if (!version.id().equals(valuation.policyVersionId())) {
			throw new IllegalArgumentException("Claim " + valuation.claimNo() + " was valued under policy "
					+ valuation.policyVersionId() + ", not " + version.id() + ".");
		}
		Amounts amounts = valuation.amounts();
		ValuationBasis basis = valuation.basis();
		boolean insured = basis.insuredPatient();
		long classB = 0;
		for (LineValuation line : valuation.lines()) {
			classB += line.selfPayFirst().fen();
		}
		// the fund's share and its base, as FundRules had them: share = fund + overCap,
		// base = share + coinsurance
		Money share = amounts.fund().plus(amounts.overCap());
		Money base = share.plus(amounts.coinsurance());
		Money firstSelfPay = amounts.selfPayFirst().minus(Money.ofFen(classB));
		List<String> said = new ArrayList<>(8);
		if (amounts.selfPay().isPositive()) {
			said.add("Self-pay (自费) " + amounts.selfPay()
					+ ": class C items, items not in the catalog and prices above the catalog maximum are not covered.");
		}
		if (classB > 0) {
			said.add("Self-pay-first (自理) " + Money.ofFen(classB)
					+ ": the patient's share of class B items at their self-pay ratios.");
		}
		if (firstSelfPay.isPositive()) {
			said.add("Ad-hoc first self-pay " + firstSelfPay + ": " + version.adhocUnregisteredFirstSelfPay()
					+ " of the eligible amount of an out-of-area stay not registered in advance, borne like 自理.");
		}
		if (!insured) {
			said.add("The patient is not insured but a covered relative (家庭共济): the fund pays nothing and the "
					+ "eligible amount " + amounts.coinsurance() + " is the patient's own part.");
		}
		if (valuation.warnings().contains(Warning.W_NOT_CERTIFIED.name())) {
			said.add("No certification (特殊病种备案) for special disease " + basis.specialDiseaseCode() + " on "
					+ valuation.serviceDate() + ": valued as an outpatient claim.");
		}
		if (amounts.currentAccount().isPositive()) {
			said.add("The current-year account (当年账户) pays " + amounts.currentAccount()
					+ " of the eligible amount first.");
		}
		if (amounts.segment().isPositive()) {
			said.add("Outpatient self-pay segment (门诊自负段) " + amounts.segment() + ", of a yearly "
					+ version.selfPaySegment(basis.category()) + ".");
		}
		if (amounts.deductible().isPositive()) {
			said.add("Inpatient deductible (起付标准) " + amounts.deductible() + " for a " + basis.hospitalLevel()
					+ " hospital, where a first admission of the year bears "
					+ version.deductible(basis.hospitalLevel()) + " and later ones "
					+ version.inpatientSubsequentAdmissionFactor() + " of it, at most the eligible amount.");
		}
		if (insured && share.isPositive()) {
			said.add("The fund's share (统筹基金) is " + base + " × " + basis.fundRatio() + " = " + share + ", the "
					+ fundBasis(valuation.valuedAs(), basis) + ".");
		}
		if (amounts.coinsurance().isPositive() && insured) {
			said.add("Coinsurance (共付段个人负担) " + amounts.coinsurance() + ": the patient's part of " + base + ".");
		}
		if (amounts.overCap().isPositive()) {
			// over the cap the fund paid exactly what the cap had left
			said.add("Over the annual fund cap (超封顶) " + amounts.overCap() + ": only " + amounts.fund() + " of the "
					+ version.annualFundCap() + " cap was left this year.");
		}
		if (amounts.historicalAccount().isPositive()) {
			said.add("The patient's historical account (历年账户) pays " + amounts.historicalAccount()
					+ " of the personal part" + (version.historicalAccountPaysSelfPayFirst()
							? ", which includes 自理 under this policy." : ", which excludes 自理 under this policy."));
		}
		if (amounts.familyAccount().isPositive()) {
			StringBuilder parts = new StringBuilder();
			for (FamilyPayment payment : valuation.familyPayments()) {
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

	private static String fundBasis(VisitType valuedAs, ValuationBasis basis) {
		String ratio = switch (valuedAs) {
			case INP -> "inpatient ratio";
			case SPD -> "special-disease ratio";
			case OUT -> "outpatient ratio";
		};
		return ratio + " for " + basis.category() + " at a " + basis.hospitalLevel() + " hospital";
	}

}
