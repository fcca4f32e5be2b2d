package org.medclaims.policy;

/** What one grantor's historical account paid for a bound relative (家庭共济). */
public record FamilyPayment(String grantorId, Money amount) {
}
