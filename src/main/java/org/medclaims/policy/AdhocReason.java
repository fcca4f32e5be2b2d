package org.medclaims.policy;

/** Why a clerk enters a claim by hand (零星报销); the policy treats all alike. */
public enum AdhocReason {

	OUT_OF_AREA, EMERGENCY, CARD_UNAVAILABLE

}
