package org.medclaims.policy;

/** OUT outpatient (门诊), INP inpatient (住院), SPD special-disease outpatient (特殊病种门诊). */
public enum VisitType {

	OUT, INP, SPD

}
