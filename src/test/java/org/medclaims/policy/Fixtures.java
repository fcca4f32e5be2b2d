package org.medclaims.policy;

import java.time.LocalDate;

/**
 * Shared test data: a small catalog, registry rows, and amounts written like a response
 * file's R record.
 */
final class Fixtures {

	static final LocalDate OPEN_FROM = LocalDate.of(2012, 1, 1);

	private Fixtures() {
	}

	/**
	 * Catalog: A class A, B10/B15/B20 class B, C class C, each valid from 2012-01-01,
	 * open-ended.
	 */
	static InMemoryRegistry.Builder registryWithCatalog() {
		return InMemoryRegistry.builder()
			.catalogItem(item("A", "0"))
			.catalogItem(item("B10", "0.10"))
			.catalogItem(item("B15", "0.15"))
			.catalogItem(item("B20", "0.20"))
			.catalogItem(item("C", "1"))
			.specialDisease("SD01")
			.specialDisease("SD02");
	}

	static CatalogItem item(String code, String selfPayRatio) {
		return new CatalogItem(code, code, Ratio.of(selfPayRatio), null, OPEN_FROM, null);
	}

	static Person inService(String personId) {
		return new Person(personId, personId, Category.IN_SERVICE, PersonStatus.ACTIVE);
	}

	static Person retired(String personId) {
		return new Person(personId, personId, Category.RETIRED, PersonStatus.ACTIVE);
	}

	static Balances balances(String current, String historical) {
		return new Balances(Money.parse(current), Money.parse(historical));
	}

	/**
	 * In response-file order: total, selfPay, selfPayFirst, deductible, segment,
	 * coinsurance, overCap, fund, currentAccount, historicalAccount, familyAccount, cash.
	 */
	static Amounts amounts(String... yuan) {
		if (yuan.length != 12) {
			throw new IllegalArgumentException("twelve amounts expected");
		}
		Money[] m = new Money[12];
		for (int i = 0; i < 12; i++) {
			m[i] = Money.parse(yuan[i]);
		}
		return new Amounts(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11]);
	}

}
