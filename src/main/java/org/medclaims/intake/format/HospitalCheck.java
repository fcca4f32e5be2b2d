package org.medclaims.intake.format;

import java.util.Optional;

/** Asks the hospital registry whether a hospital may send claim files. */
@FunctionalInterface
public interface HospitalCheck {

	/**
	 * Empty when the hospital is registered and designated (定点), else a sentence saying
	 * why not.
	 */
	Optional<String> problem(String hospitalCode);

	/** Accepts every hospital: for tests and tools that check only the format. */
	static HospitalCheck anyHospital() {
		return code -> Optional.empty();
	}

}
