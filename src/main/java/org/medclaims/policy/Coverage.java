package org.medclaims.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 2: who is covered. An insured patient, an uninsured relative (亲属) whose care only
 * family accounts pay, or a rejection; plus the grantors whose historical accounts may
 * pay, in paying order.
 */
record Coverage(Person insured, List<FamilyBinding> grantors, Rejection rejection, String message) {

	private static final Comparator<FamilyBinding> PAYING_ORDER = Comparator.comparing(FamilyBinding::validFrom)
		.thenComparing(FamilyBinding::grantorId);

	static Coverage of(ClaimToValue claim, Registry registry, PolicyVersion version) {
		String patientId = claim.patientId();
		LocalDate serviceDate = claim.serviceDate();
		Optional<Person> person = registry.person(patientId);
		if (person.isPresent() && !person.get().isActive()) {
			return rejected(Rejection.E_COVERAGE_SUSPENDED,
					"The patient's coverage is suspended (E_COVERAGE_SUSPENDED).");
		}
		List<FamilyBinding> grantors = grantors(patientId, serviceDate, registry, version);
		if (person.isEmpty() && grantors.isEmpty()) {
			return rejected(Rejection.E_NOT_INSURED,
					"The patient is neither insured nor a covered relative of an active insured person on "
							+ serviceDate
							+ (version.familyCoverageEnabled() ? ""
									: ", and policy " + version.id() + " has no family coverage")
							+ " (E_NOT_INSURED).");
		}
		return new Coverage(person.orElse(null), grantors, null, null);
	}

	boolean isRejected() {
		return this.rejection != null;
	}

	boolean isInsured() {
		return this.insured != null;
	}

	/**
	 * Valid bindings of an allowed relation to ACTIVE grantors, by validFrom then
	 * grantor, each grantor once.
	 */
	private static List<FamilyBinding> grantors(String patientId, LocalDate serviceDate, Registry registry,
			PolicyVersion version) {
		if (!version.familyCoverageEnabled()) {
			return List.of();
		}
		List<FamilyBinding> bindings = registry.bindingsOfMember(patientId);
		if (bindings.isEmpty()) {
			return List.of();
		}
		List<FamilyBinding> eligible = new ArrayList<>(bindings.size());
		for (FamilyBinding binding : bindings) {
			if (binding.validOn(serviceDate) && version.coversRelative(binding.relation())
					&& !binding.grantorId().equals(patientId)
					&& registry.person(binding.grantorId()).map(Person::isActive).orElse(false)) {
				eligible.add(binding);
			}
		}
		eligible.sort(PAYING_ORDER);
		Set<String> seen = new HashSet<>();
		eligible.removeIf(binding -> !seen.add(binding.grantorId()));
		return eligible;
	}

	private static Coverage rejected(Rejection rejection, String message) {
		return new Coverage(null, List.of(), rejection, message);
	}

}
