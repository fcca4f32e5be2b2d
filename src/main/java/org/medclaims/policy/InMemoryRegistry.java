package org.medclaims.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A registry held in maps: for tests, previews and a settlement run's snapshot of
 * reference data.
 */
public final class InMemoryRegistry implements Registry {

	private final Map<String, Person> persons;

	private final Map<String, List<FamilyBinding>> bindingsByMember;

	private final Map<String, List<CatalogItem>> catalogByCode;

	private final Set<String> specialDiseases;

	private final Map<String, List<Certification>> certificationsByPerson;

	private InMemoryRegistry(Builder builder) {
		this.persons = Map.copyOf(builder.persons);
		this.bindingsByMember = frozen(builder.bindingsByMember);
		this.catalogByCode = frozen(builder.catalogByCode);
		this.specialDiseases = Set.copyOf(builder.specialDiseases);
		this.certificationsByPerson = frozen(builder.certificationsByPerson);
	}

	public static InMemoryRegistry of(Collection<Person> persons, Collection<FamilyBinding> bindings,
			Collection<CatalogItem> catalog, Collection<String> specialDiseaseCodes,
			Collection<Certification> certifications) {
		Builder builder = builder();
		persons.forEach(builder::person);
		bindings.forEach(builder::binding);
		catalog.forEach(builder::catalogItem);
		specialDiseaseCodes.forEach(builder::specialDisease);
		certifications.forEach(builder::certification);
		return builder.build();
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Optional<Person> person(String personId) {
		return Optional.ofNullable(this.persons.get(personId));
	}

	@Override
	public List<FamilyBinding> bindingsOfMember(String memberId) {
		return this.bindingsByMember.getOrDefault(memberId, List.of());
	}

	@Override
	public Optional<CatalogItem> catalogItem(String itemCode, LocalDate serviceDate) {
		for (CatalogItem item : this.catalogByCode.getOrDefault(itemCode, List.of())) {
			if (item.validOn(serviceDate)) {
				return Optional.of(item);
			}
		}
		return Optional.empty();
	}

	@Override
	public boolean isSpecialDisease(String code) {
		return code != null && this.specialDiseases.contains(code);
	}

	@Override
	public List<Certification> certificationsOf(String personId) {
		return this.certificationsByPerson.getOrDefault(personId, List.of());
	}

	private static <T> Map<String, List<T>> frozen(Map<String, List<T>> lists) {
		Map<String, List<T>> copy = new HashMap<>();
		lists.forEach((key, list) -> copy.put(key, List.copyOf(list)));
		return Map.copyOf(copy);
	}

	/**
	 * Collects reference rows; a later person with the same ID replaces the earlier one.
	 */
	public static final class Builder {

		private final Map<String, Person> persons = new HashMap<>();

		private final Map<String, List<FamilyBinding>> bindingsByMember = new HashMap<>();

		private final Map<String, List<CatalogItem>> catalogByCode = new HashMap<>();

		private final Set<String> specialDiseases = new HashSet<>();

		private final Map<String, List<Certification>> certificationsByPerson = new HashMap<>();

		private Builder() {
		}

		public Builder person(Person person) {
			this.persons.put(person.personId(), person);
			return this;
		}

		public Builder binding(FamilyBinding binding) {
			this.bindingsByMember.computeIfAbsent(binding.memberId(), id -> new ArrayList<>()).add(binding);
			return this;
		}

		public Builder catalogItem(CatalogItem item) {
			this.catalogByCode.computeIfAbsent(item.itemCode(), code -> new ArrayList<>()).add(item);
			return this;
		}

		public Builder specialDisease(String code) {
			this.specialDiseases.add(code);
			return this;
		}

		public Builder certification(Certification certification) {
			this.certificationsByPerson.computeIfAbsent(certification.personId(), id -> new ArrayList<>())
				.add(certification);
			return this;
		}

		public InMemoryRegistry build() {
			return new InMemoryRegistry(this);
		}

	}

}
