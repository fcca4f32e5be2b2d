package org.medclaims.policy;

/** Whether a person's coverage is in force. */
public enum PersonStatus {

	ACTIVE, SUSPENDED

}
