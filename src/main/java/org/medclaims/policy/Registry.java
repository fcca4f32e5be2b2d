package org.medclaims.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reference data as the engine sees it (reference-data.md); implementations must be
 * side-effect free.
 */
public interface Registry {

	Optional<Person> person(String personId);

	/** Every binding, valid or not, in which {@code memberId} is the member. */
	List<FamilyBinding> bindingsOfMember(String memberId);

	/** The catalog row of the item valid on the service date, if any. */
	Optional<CatalogItem> catalogItem(String itemCode, LocalDate serviceDate);

	boolean isSpecialDisease(String code);

	List<Certification> certificationsOf(String personId);

}
