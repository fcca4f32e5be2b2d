package org.medclaims.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.medclaims.policy.CatalogItem;
import org.medclaims.policy.Certification;
import org.medclaims.policy.FamilyBinding;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.Person;
import org.medclaims.policy.Registry;

/**
 * The account rows some claims may pay from, locked in the current transaction, with the reference
 * data their valuation needs. Valid only inside the transaction that locked them.
 */
public final class LockedAccounts implements Registry {

	private final Map<String, Person> persons;

	private final Map<String, List<FamilyBinding>> bindingsByMember;

	private final Map<String, List<Certification>> certifications;

	private final Map<String, List<CatalogItem>> catalog;

	private final Set<String> specialDiseases;

	private final HouseholdState state;

	LockedAccounts(Map<String, Person> persons, Map<String, List<FamilyBinding>> bindingsByMember,
			Map<String, List<Certification>> certifications, Map<String, List<CatalogItem>> catalog,
			Set<String> specialDiseases, HouseholdState state) {
		this.persons = persons;
		this.bindingsByMember = bindingsByMember;
		this.certifications = certifications;
		this.catalog = catalog;
		this.specialDiseases = specialDiseases;
		this.state = state;
	}

	/** Balances and yearly totals of every locked person, as the ledger left them. */
	public HouseholdState state() {
		return this.state;
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
		return this.catalog.getOrDefault(itemCode, List.of()).stream().filter(i -> i.validOn(serviceDate)).findFirst();
	}

	@Override
	public boolean isSpecialDisease(String code) {
		return code != null && this.specialDiseases.contains(code);
	}

	@Override
	public List<Certification> certificationsOf(String personId) {
		return this.certifications.getOrDefault(personId, List.of());
	}

}
