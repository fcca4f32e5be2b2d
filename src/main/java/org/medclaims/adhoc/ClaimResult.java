package org.medclaims.adhoc;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.medclaims.policy.Amounts;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.settlement.SettlementDetails;

/**
 * What valuing or settling a claim gave, as interfaces.md shapes it: every amount of
 * claim-files.md as yuan with two decimals, each grantor's payment, each line's
 * valuation, and for clerks the explanation of which rule produced each amount.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ClaimResult(String claimNo, String status, List<String> codes, String message, String policyVersion,
		AmountsJson amounts, List<SettlementDetails.Payment> familyPayments, List<SettlementDetails.Line> lines,
		List<String> explanation) {

	/** The amounts under claim-files.md's names. */
	record AmountsJson(String total, String selfPay, String selfPayFirst, String deductible, String segment,
			String coinsurance, String overCap, String fund, String currentAccount, String historicalAccount,
			String familyAccount, String cash) {

		static AmountsJson of(Amounts a) {
			return new AmountsJson(a.total().toString(), a.selfPay().toString(), a.selfPayFirst().toString(),
					a.deductible().toString(), a.segment().toString(), a.coinsurance().toString(),
					a.overCap().toString(), a.fund().toString(), a.currentAccount().toString(),
					a.historicalAccount().toString(), a.familyAccount().toString(), a.cash().toString());
		}

	}

	static ClaimResult of(ClaimValuation valuation, SettlementDetails details) {
		SettlementDetails.Detail detail = details.of(valuation);
		return new ClaimResult(valuation.claimNo(), valuation.status().name(), valuation.codes(), valuation.message(),
				valuation.policyVersionId(), AmountsJson.of(valuation.amounts()), detail.familyPayments(),
				detail.lines(), detail.explanation());
	}

}
