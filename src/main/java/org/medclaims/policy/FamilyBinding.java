package org.medclaims.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A family binding (家庭共济绑定): the grantor's historical account may pay for the member, who
 * is the grantor's {@code relation}. Valid on both bound days; a null {@code validTo} is
 * open-ended.
 */
public record FamilyBinding(String grantorId, String memberId, Relation relation, LocalDate validFrom,
		LocalDate validTo) {

	public FamilyBinding {
		Objects.requireNonNull(grantorId, "grantorId");
		Objects.requireNonNull(memberId, "memberId");
		Objects.requireNonNull(relation, "relation");
		Objects.requireNonNull(validFrom, "validFrom");
	}

	public boolean validOn(LocalDate day) {
		return Validity.covers(this.validFrom, this.validTo, day);
	}

}
