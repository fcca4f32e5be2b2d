package org.medclaims.policy;

/** What a bound family member is to the grantor (家庭共济). */
public enum Relation {

	SPOUSE, PARENT, CHILD

}
