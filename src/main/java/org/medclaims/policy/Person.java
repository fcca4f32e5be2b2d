package org.medclaims.policy;

import java.util.Objects;

/** An insured person (参保人) of the registry. */
public record Person(String personId, String name, Category category, PersonStatus status) {

	public Person {
		Objects.requireNonNull(personId, "personId");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(status, "status");
	}

	public boolean isActive() {
		return this.status == PersonStatus.ACTIVE;
	}

}
