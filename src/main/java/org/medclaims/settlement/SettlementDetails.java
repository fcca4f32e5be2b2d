package org.medclaims.settlement;

import java.util.List;
import java.util.function.Supplier;

import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.Explanation;
import org.medclaims.policy.FamilyPayment;
import org.medclaims.policy.LineValuation;
import org.medclaims.policy.PolicyBook;
import org.medclaims.policy.PolicyVersion;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The part of a valuation that is not an amount column of {@code settlement}, as clerks
 * read it: each line's valuation and rule, each grantor's payment and the explanation, in
 * words rendered when asked. Settlement stores facts ({@link SettlementFacts}); rows
 * settled before that hold this detail as JSON sentences in {@code settlement.detail},
 * read as written.
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

	/**
	 * What clerks read; also the shape of the JSON in {@code settlement.detail} of rows
	 * settled before facts.
	 */
	public record Detail(String valuedAs, List<Line> lines, List<Payment> familyPayments, List<String> explanation) {
	}

	private final JsonMapper json;

	private final PolicyBook policies;

	SettlementDetails(JsonMapper json, PolicyBook policies) {
		this.json = json;
		this.policies = policies;
	}

	/** The detail of a valuation, its words rendered now. */
	public Detail of(ClaimValuation valuation) {
		List<String> explanation = Explanation.sentences(valuation, valuation.settled() ? version(valuation) : null);
		return new Detail(valuation.valuedAs() == null ? null : valuation.valuedAs().name(),
				valuation.lines().stream().map(SettlementDetails::line).toList(),
				valuation.familyPayments().stream().map(SettlementDetails::payment).toList(), explanation);
	}

	/** What {@code settlement.facts} stores of a valuation; null for a rejected claim. */
	public String facts(ClaimValuation valuation) {
		return SettlementFacts.encode(valuation);
	}

	/**
	 * The detail of a stored settlement: rendered from its facts, or, for a row settled
	 * before facts were stored, the JSON it holds.
	 * @param lines the claim's lines in their order, read only when the facts need them
	 */
	public Detail stored(SettlementFacts.Row row, String facts, String legacyJson, Supplier<List<ClaimLine>> lines) {
		if (facts == null && legacyJson != null) {
			return this.json.readValue(legacyJson, Detail.class);
		}
		return of(SettlementFacts.decode(row, facts, facts == null ? List.of() : lines.get()));
	}

	private PolicyVersion version(ClaimValuation valuation) {
		return this.policies.version(valuation.policyVersionId())
			.orElseThrow(() -> new IllegalStateException("Claim " + valuation.claimNo() + " was settled under policy "
					+ valuation.policyVersionId() + ", which is not among the policy versions loaded now ("
					+ this.policies.versions().stream().map(PolicyVersion::id).toList()
					+ "): put its file back into medclaims.policy-dir to explain the claim."));
	}

	private static Line line(LineValuation l) {
		return new Line(l.lineNo(), l.itemCode(), l.amount().toString(), l.selfPay().toString(),
				l.overPrice().toString(), l.selfPayFirst().toString(), l.eligible().toString(), Explanation.rule(l));
	}

	private static Payment payment(FamilyPayment p) {
		return new Payment(p.grantorId(), p.amount().toString());
	}

}
