package org.medclaims.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What reversing a settled claim (冲正) gives back, accounts.md: every account movement of
 * the claim, into the account it left, and the claim's share of its service year's
 * totals.
 *
 * @param insuredPatient the patient's yearly totals counted the claim (an uninsured
 * relative's did not)
 * @param admission the claim counted as an inpatient admission
 * @param movements what the claim took from each account, each returned as it is
 */
public record ClaimReversal(String claimNo, String patientId, int year, boolean insuredPatient, boolean admission,
		Money fund, Money segment, List<AccountMovement> movements) {

	public ClaimReversal {
		Objects.requireNonNull(claimNo, "claimNo");
		Objects.requireNonNull(patientId, "patientId");
		Objects.requireNonNull(fund, "fund");
		Objects.requireNonNull(segment, "segment");
		movements = List.copyOf(movements);
	}

	/** The reversal of a claim as the engine settled it. */
	public static ClaimReversal of(ClaimValuation valuation) {
		if (!valuation.settled()) {
			throw new IllegalArgumentException(
					"Only a settled claim can be reversed; " + valuation.claimNo() + " is " + valuation.status() + ".");
		}
		Amounts amounts = valuation.amounts();
		List<AccountMovement> movements = new ArrayList<>();
		if (amounts.currentAccount().isPositive()) {
			movements.add(new AccountMovement(valuation.patientId(), Account.CURRENT, amounts.currentAccount()));
		}
		if (amounts.historicalAccount().isPositive()) {
			movements.add(new AccountMovement(valuation.patientId(), Account.HISTORICAL, amounts.historicalAccount()));
		}
		for (FamilyPayment payment : valuation.familyPayments()) {
			if (payment.amount().isPositive()) {
				movements.add(new AccountMovement(payment.grantorId(), Account.HISTORICAL, payment.amount()));
			}
		}
		return new ClaimReversal(valuation.claimNo(), valuation.patientId(), valuation.year(),
				valuation.insuredPatient(), valuation.valuedAs() == VisitType.INP, amounts.fund(), amounts.segment(),
				movements);
	}

}
