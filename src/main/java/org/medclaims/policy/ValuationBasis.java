package org.medclaims.policy;

import java.util.Objects;

/**
 * What a settled claim was valued from beyond its amounts and lines, as facts: who the
 * patient counted as and where, and the fund's ratio. {@link Explanation} renders the
 * clerk's sentences from these, when asked.
 *
 * @param hospitalLevel the level the claim was valued at
 * @param category the insured patient's category (在职/退休); null for an uninsured relative,
 * whom the fund does not pay
 * @param fundRatio the ratio of the fund's share (统筹基金); null for an uninsured relative
 * @param specialDiseaseCode the claim's special-disease code, named when it lacked a
 * certification; may be null
 */
public record ValuationBasis(HospitalLevel hospitalLevel, Category category, Ratio fundRatio,
		String specialDiseaseCode) {

	public ValuationBasis {
		Objects.requireNonNull(hospitalLevel, "hospitalLevel");
		if ((category == null) != (fundRatio == null)) {
			throw new IllegalArgumentException(
					"An insured patient has a category and a fund ratio, a relative neither.");
		}
	}

	public boolean insuredPatient() {
		return this.category != null;
	}

}
