package org.medclaims.intake.format;

import java.util.List;
import java.util.Objects;

/**
 * A claim-level error: this claim is rejected, the others go on.
 *
 * @param code one of {@link #ORDER}
 * @param lineNo the file line of the offending record
 * @param message one sentence for the hospital
 */
public record ClaimProblem(String code, long lineNo, String message) implements ClaimVerdict {

	public static final String E_FORMAT = "E_FORMAT";

	public static final String E_PERSON_ID = "E_PERSON_ID";

	public static final String E_VISIT_TYPE = "E_VISIT_TYPE";

	public static final String E_DATES = "E_DATES";

	public static final String E_LINE_COUNT = "E_LINE_COUNT";

	public static final String E_LINE_AMOUNT = "E_LINE_AMOUNT";

	public static final String E_CLAIM_TOTAL = "E_CLAIM_TOTAL";

	public static final String E_DUPLICATE_CLAIM = "E_DUPLICATE_CLAIM";

	public static final String E_NOT_INSURED = "E_NOT_INSURED";

	public static final String E_COVERAGE_SUSPENDED = "E_COVERAGE_SUSPENDED";

	public static final String E_SPECIAL_DISEASE = "E_SPECIAL_DISEASE";

	/**
	 * The claim-level codes in the order of the spec table: the first that fails decides.
	 */
	public static final List<String> ORDER = List.of(E_FORMAT, E_PERSON_ID, E_VISIT_TYPE, E_DATES, E_LINE_COUNT,
			E_LINE_AMOUNT, E_CLAIM_TOTAL, E_DUPLICATE_CLAIM, E_NOT_INSURED, E_COVERAGE_SUSPENDED, E_SPECIAL_DISEASE);

	public ClaimProblem {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(message, "message");
		if (!ORDER.contains(code)) {
			throw new IllegalArgumentException("not a claim-level code: " + code);
		}
	}

	@Override
	public String toString() {
		return this.code + " at line " + this.lineNo + ": " + this.message;
	}

}
