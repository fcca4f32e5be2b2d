package org.medclaims.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.medclaims.policy.Amounts;
import org.medclaims.policy.Category;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.ValuationOutcome;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.FamilyPayment;
import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.LineRule;
import org.medclaims.policy.LineValuation;
import org.medclaims.policy.Money;
import org.medclaims.policy.Ratio;
import org.medclaims.policy.ValuationBasis;
import org.medclaims.policy.VisitType;
import org.medclaims.policy.Warning;

/**
 * The stored form of a settled claim's facts, column {@code settlement.facts}: only what
 * the settlement's amounts and codes, the claim row, its lines and the policy version do
 * not say, or what may change after settlement (the catalog and the registry are imported
 * again). About 20 bytes for a claim, against 1.2 KB of JSON sentences before. A rejected
 * claim has none: its message says it all.
 *
 * <pre>
 * facts   = level [category fundRatio] "|" line* ["|" payment ("," payment)*]
 * level   = "C" | "S" | "T"            COMMUNITY, SECONDARY, TERTIARY: the first letter of the constant
 * category= "I" | "R"                  IN_SERVICE, RETIRED; absent for an uninsured relative
 * line    = ("A" | "C" | "N" | "B" ratio) ["@" maxUnitPrice ["~" unitPriceScale]]
 *           class A, class C, not in the catalog, class B at its self-pay ratio; the maximum unit price when the
 *           line's price was above it, and that price's scale when it was not the four decimals claim_line keeps
 * ratio   = a decimal without its leading zero: ".15", "1"
 * payment = grantorId ":" fen          each grantor in paying order, zero payments included
 * </pre> Example:
 * {@code TI.85|AB.15@188.0000~2NC|330282195509255087:0,330203192904100713:13426}.
 */
public final class SettlementFacts {

	/** What the settlement and claim rows hold beside the facts. */
	public record Row(String claimNo, String patientId, ValuationOutcome status, List<String> codes, String message,
			String policyVersionId, LocalDate serviceDate, VisitType visitType, String specialDiseaseCode,
			Amounts amounts) {

		/** The rows of a valuation as the recorder writes them; for tests. */
		public static Row of(ClaimValuation v, VisitType visitType, String specialDiseaseCode) {
			return new Row(v.claimNo(), v.patientId(), v.status(), v.codes(), v.message(), v.policyVersionId(),
					v.serviceDate(), visitType, specialDiseaseCode, v.amounts());
		}

	}

	/**
	 * claim_line.unit_price is NUMERIC(14, 4): a unit price valued with another scale
	 * keeps its own.
	 */
	static final int STORED_PRICE_SCALE = 4;

	private static final String SEPARATORS = "|,:";

	private SettlementFacts() {
	}

	/** The facts of a settled claim; null for a rejected one. */
	public static String encode(ClaimValuation valuation) {
		if (!valuation.settled()) {
			return null;
		}
		ValuationBasis basis = valuation.basis();
		StringBuilder out = new StringBuilder(16 + 4 * valuation.lines().size());
		out.append(code(basis.hospitalLevel()));
		if (basis.insuredPatient()) {
			out.append(code(basis.category()));
			ratio(out, basis.fundRatio());
		}
		out.append('|');
		for (LineValuation line : valuation.lines()) {
			LineRule rule = line.rule();
			if (!rule.inCatalog()) {
				out.append('N');
			}
			else if (rule.selfPayRatio().isZero()) {
				out.append('A');
			}
			else if (rule.selfPayRatio().isOne()) {
				out.append('C');
			}
			else {
				ratio(out.append('B'), rule.selfPayRatio());
			}
			if (rule.overPrice()) {
				out.append('@').append(rule.maxUnitPrice().toPlainString());
				if (rule.unitPrice().scale() != STORED_PRICE_SCALE) {
					out.append('~').append(rule.unitPrice().scale());
				}
			}
		}
		if (!valuation.familyPayments().isEmpty()) {
			out.append('|');
			for (FamilyPayment payment : valuation.familyPayments()) {
				String grantor = payment.grantorId();
				if (grantor.chars().anyMatch(c -> SEPARATORS.indexOf(c) >= 0)) {
					throw new IllegalArgumentException("A grantor ID cannot hold '|', ',' or ':': " + grantor);
				}
				out.append(out.charAt(out.length() - 1) == '|' ? "" : ",")
					.append(grantor)
					.append(':')
					.append(payment.amount().fen());
			}
		}
		return out.toString();
	}

	/**
	 * The valuation a settlement recorded, from its rows, its facts and the claim's lines
	 * in their order.
	 * @param facts null for a rejected claim
	 */
	public static ClaimValuation decode(Row row, String facts, List<ClaimLine> lines) {
		if (row.status() != ValuationOutcome.SETTLED) {
			return new ClaimValuation(row.claimNo(), row.patientId(), row.status(),
					row.codes().isEmpty() ? null : row.codes().get(0), row.message(), row.policyVersionId(),
					row.serviceDate(), row.visitType(), false, row.amounts(), List.of(), List.of(), List.of(), null);
		}
		Objects.requireNonNull(facts, () -> "settlement facts of claim " + row.claimNo());
		Reader in = new Reader(facts, row.claimNo());
		HospitalLevel level = in.constant(HospitalLevel.class);
		Category category = in.peek() == '|' ? null : in.constant(Category.class);
		Ratio fundRatio = category == null ? null : Ratio.of(in.number());
		in.expect('|');
		List<LineValuation> valued = new ArrayList<>(lines.size());
		while (in.more() && in.peek() != '|') {
			if (valued.size() == lines.size()) {
				throw in.broken("more lines than the claim's " + lines.size());
			}
			valued.add(LineValuation.of(lines.get(valued.size()), in.rule(lines.get(valued.size()))));
		}
		if (valued.size() != lines.size()) {
			throw in.broken(valued.size() + " lines where the claim has " + lines.size());
		}
		List<FamilyPayment> payments = new ArrayList<>(2);
		if (in.more()) {
			in.expect('|');
			do {
				String grantor = in.token();
				in.expect(':');
				payments.add(new FamilyPayment(grantor, Money.ofFen(in.number().longValueExact())));
			}
			while (in.skip(','));
		}
		if (in.more()) {
			throw in.broken("unread text at " + in.at);
		}
		VisitType valuedAs = row.codes().contains(Warning.W_NOT_CERTIFIED.name()) ? VisitType.OUT : row.visitType();
		return new ClaimValuation(row.claimNo(), row.patientId(), ValuationOutcome.SETTLED, null, row.message(),
				row.policyVersionId(), row.serviceDate(), valuedAs, category != null, row.amounts(), row.codes(),
				valued, payments, new ValuationBasis(level, category, fundRatio, row.specialDiseaseCode()));
	}

	private static char code(Enum<?> constant) {
		return constant.name().charAt(0);
	}

	private static void ratio(StringBuilder out, Ratio ratio) {
		String plain = ratio.value().toPlainString();
		out.append(plain.startsWith("0.") ? plain.substring(1) : plain);
	}

	/**
	 * Reads the facts left to right, saying which claim's facts are broken when they are.
	 */
	private static final class Reader {

		private final String text;

		private final String claimNo;

		private int at;

		Reader(String text, String claimNo) {
			this.text = text;
			this.claimNo = claimNo;
		}

		boolean more() {
			return this.at < this.text.length();
		}

		char peek() {
			if (!more()) {
				throw broken("they end early");
			}
			return this.text.charAt(this.at);
		}

		void expect(char c) {
			if (peek() != c) {
				throw broken("'" + c + "' expected at " + this.at);
			}
			this.at++;
		}

		boolean skip(char c) {
			if (more() && this.text.charAt(this.at) == c) {
				this.at++;
				return true;
			}
			return false;
		}

		<E extends Enum<E>> E constant(Class<E> type) {
			char code = peek();
			for (E constant : type.getEnumConstants()) {
				if (code(constant) == code) {
					this.at++;
					return constant;
				}
			}
			throw broken("no " + type.getSimpleName() + " has the code " + code);
		}

		/** A decimal: digits and a point. */
		BigDecimal number() {
			int start = this.at;
			while (more() && (Character.isDigit(this.text.charAt(this.at)) || this.text.charAt(this.at) == '.')) {
				this.at++;
			}
			if (start == this.at) {
				throw broken("a number expected at " + start);
			}
			return new BigDecimal(this.text.substring(start, this.at));
		}

		/** Everything up to the next separator. */
		String token() {
			int start = this.at;
			while (more() && SEPARATORS.indexOf(this.text.charAt(this.at)) < 0) {
				this.at++;
			}
			return this.text.substring(start, this.at);
		}

		LineRule rule(ClaimLine line) {
			char kind = peek();
			this.at++;
			Ratio ratio = switch (kind) {
				case 'N' -> null;
				case 'A' -> Ratio.ZERO;
				case 'C' -> Ratio.ONE;
				case 'B' -> Ratio.of(number());
				default -> throw broken("no line rule has the code " + kind);
			};
			if (!skip('@')) {
				return ratio == null ? LineRule.NOT_IN_CATALOG : LineRule.catalogued(ratio);
			}
			BigDecimal max = number();
			int scale = skip('~') ? number().intValueExact() : STORED_PRICE_SCALE;
			return new LineRule(ratio, max, line.unitPrice().setScale(scale, RoundingMode.UNNECESSARY));
		}

		IllegalStateException broken(String why) {
			return new IllegalStateException(
					"The stored facts of claim " + this.claimNo + " are broken (" + why + "): '" + this.text + "'.");
		}

	}

}
