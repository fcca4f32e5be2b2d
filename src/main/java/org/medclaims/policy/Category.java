package org.medclaims.policy;

/** An insured person's category: 在职 (in service) or 退休 (retired). */
public enum Category {

	IN_SERVICE, RETIRED

}
