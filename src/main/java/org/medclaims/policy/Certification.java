package org.medclaims.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An approved special-disease certification (特殊病种备案); null {@code validTo} = open-ended.
 */
public record Certification(String personId, String diseaseCode, LocalDate validFrom, LocalDate validTo) {

	public Certification {
		Objects.requireNonNull(personId, "personId");
		Objects.requireNonNull(diseaseCode, "diseaseCode");
		Objects.requireNonNull(validFrom, "validFrom");
	}

	public boolean validOn(LocalDate day) {
		return Validity.covers(this.validFrom, this.validTo, day);
	}

}
