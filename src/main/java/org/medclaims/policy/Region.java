package org.medclaims.policy;

/** Where a hospital lies relative to the insuring city. */
public enum Region {

	LOCAL, OUT_OF_AREA

}
