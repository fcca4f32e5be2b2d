package org.medclaims.settlement;

import java.util.List;

import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.FamilyPayment;
import org.medclaims.policy.LineValuation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The part of a valuation that is not a column of {@code settlement}: each line's valuation, each
 * grantor's payment and the explanation clerks read, stored as JSON with money as yuan strings.
 */
@Component
public class SettlementDetails {

	/** One line as valued. */
	public record Line(int lineNo, String itemCode, String amount, String selfPay, String overPrice,
			String selfPayFirst, String eligible, String rule) {
	}

	/** One grantor's payment from their historical account. */
	public record Payment(String grantorId, String amount) {
	}

	/** Everything stored in {@code settlement.detail}. */
	public record Detail(String valuedAs, List<Line> lines, List<Payment> familyPayments, List<String> explanation) {
	}

	private final JsonMapper json;

	SettlementDetails(JsonMapper json) {
		this.json = json;
	}

	public Detail of(ClaimValuation valuation) {
		return new Detail(valuation.valuedAs() == null ? null : valuation.valuedAs().name(),
				valuation.lines().stream().map(SettlementDetails::line).toList(),
				valuation.familyPayments().stream().map(SettlementDetails::payment).toList(), valuation.explanation());
	}

	public String toJson(ClaimValuation valuation) {
		return this.json.writeValueAsString(of(valuation));
	}

	public Detail fromJson(String detail) {
		return this.json.readValue(detail, Detail.class);
	}

	private static Line line(LineValuation l) {
		return new Line(l.lineNo(), l.itemCode(), l.amount().toString(), l.selfPay().toString(),
				l.overPrice().toString(), l.selfPayFirst().toString(), l.eligible().toString(), l.rule());
	}

	private static Payment payment(FamilyPayment p) {
		return new Payment(p.grantorId(), p.amount().toString());
	}

}
