package org.medclaims.policy;

import java.util.ArrayList;
import java.util.List;

/** Words for clerks: one sentence per rule that produced an amount, and a one-sentence summary. */
final class Explanation {

	private Explanation() {
	}

	static String summary(ClaimValuer.Breakdown breakdown, Amounts amounts) {
		return "Settled under policy " + breakdown.version.id() + ": fund " + amounts.fund() + ", accounts "
				+ amounts.accounts() + ", cash " + amounts.cash() + ".";
	}

	static List<String> sentences(ClaimValuer.Breakdown breakdown, Amounts amounts) {
		List<String> said = new ArrayList<>(8);
		FundRules.FundShare fund = breakdown.fundShare;
		if (amounts.selfPay().isPositive()) {
			said.add("Self-pay (自费) " + amounts.selfPay()
					+ ": class C items, items not in the catalog and prices above the catalog maximum are not covered.");
		}
		Money classB = breakdown.lines.selfPayFirst();
		if (classB.isPositive()) {
			said.add("Self-pay-first (自理) " + classB + ": the patient's share of class B items at their self-pay ratios.");
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
			said.add("The fund's share (统筹基金) is " + fund.base() + " × " + fund.ratio() + " = " + fund.share() + ", the "
					+ fund.basis() + ".");
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
				parts.append(parts.length() == 0 ? "" : ", ").append(payment.grantorId()).append(' ')
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
