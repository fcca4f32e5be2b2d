package org.medclaims.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * All policy versions, each in force from its effective date until the next one takes
 * over.
 */
public final class PolicyBook {

	private final List<PolicyVersion> versions;

	public PolicyBook(List<PolicyVersion> versions) {
		if (versions == null || versions.isEmpty()) {
			throw new IllegalArgumentException("A policy book needs at least one policy version.");
		}
		List<PolicyVersion> sorted = new ArrayList<>(versions);
		sorted.sort(Comparator.comparing(PolicyVersion::effectiveFrom));
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < sorted.size(); i++) {
			PolicyVersion version = sorted.get(i);
			if (!ids.add(version.id())) {
				throw new IllegalArgumentException("Two policy versions have the id " + version.id() + ".");
			}
			if (i > 0 && sorted.get(i - 1).effectiveFrom().equals(version.effectiveFrom())) {
				throw new IllegalArgumentException("Policy versions " + sorted.get(i - 1).id() + " and " + version.id()
						+ " both take effect on " + version.effectiveFrom() + ".");
			}
		}
		this.versions = List.copyOf(sorted);
	}

	/**
	 * The version in force on the service date; empty when the date precedes every
	 * version.
	 */
	public Optional<PolicyVersion> versionOn(LocalDate serviceDate) {
		for (int i = this.versions.size() - 1; i >= 0; i--) {
			PolicyVersion version = this.versions.get(i);
			if (!version.effectiveFrom().isAfter(serviceDate)) {
				return Optional.of(version);
			}
		}
		return Optional.empty();
	}

	/** The version of that id: the one a stored settlement names. */
	public Optional<PolicyVersion> version(String id) {
		for (PolicyVersion version : this.versions) {
			if (version.id().equals(id)) {
				return Optional.of(version);
			}
		}
		return Optional.empty();
	}

	public LocalDate earliestEffectiveDate() {
		return this.versions.get(0).effectiveFrom();
	}

	/** Oldest first. */
	public List<PolicyVersion> versions() {
		return this.versions;
	}

}
