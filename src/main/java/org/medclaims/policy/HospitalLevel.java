package org.medclaims.policy;

/** Hospital grade; fund ratios and deductibles depend on it. */
public enum HospitalLevel {

	COMMUNITY, SECONDARY, TERTIARY

}
