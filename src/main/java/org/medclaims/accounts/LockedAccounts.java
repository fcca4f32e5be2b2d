package org.medclaims.accounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.medclaims.policy.CatalogItem;
import org.medclaims.policy.Certification;
import org.medclaims.policy.FamilyBinding;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.Person;
import org.medclaims.policy.Registry;

/**
 * The account rows some claims may pay from, locked in the current transaction, with the
 * reference data their valuation needs. Valid only inside the transaction that locked
 * them.
 *
 * @param registry the registry rows read with the lock
 * @param state balances and yearly totals of every locked person, as the ledger left them
 */
public record LockedAccounts(Registry registry, HouseholdState state) implements Registry {

	@Override
	public Optional<Person> person(String personId) {
		return this.registry.person(personId);
	}

	@Override
	public List<FamilyBinding> bindingsOfMember(String memberId) {
		return this.registry.bindingsOfMember(memberId);
	}

	@Override
	public Optional<CatalogItem> catalogItem(String itemCode, LocalDate serviceDate) {
		return this.registry.catalogItem(itemCode, serviceDate);
	}

	@Override
	public boolean isSpecialDisease(String code) {
		return this.registry.isSpecialDisease(code);
	}

	@Override
	public List<Certification> certificationsOf(String personId) {
		return this.registry.certificationsOf(personId);
	}

}
