package org.medclaims.policy;

/** The codes with which the policy rejects a claim, in the order they are checked. */
public enum Rejection {

	/** The service date precedes every policy version. */
	E_DATES,

	/** Neither insured nor a covered relative on the service date. */
	E_NOT_INSURED,

	/** The patient's coverage is suspended (暂停参保). */
	E_COVERAGE_SUSPENDED,

	/** An SPD claim without a known special-disease code. */
	E_SPECIAL_DISEASE

}
