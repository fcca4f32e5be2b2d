package org.medclaims.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated registry and claim stream: households of insured persons and uninsured
 * relatives bound only within their household, a catalog with all item classes, price
 * limits and a ratio change on 2013-05-01. The same seed always gives the same world.
 */
public final class RandomWorld {

	private static final LocalDate FIRST_DAY = LocalDate.of(2012, 12, 15);

	private static final int DAYS = 440;

	private static final String[] RATIOS = { "0", "0", "0", "1", "0.05", "0.10", "0.15", "0.20", "0.30" };

	private static final LocalDate[] BINDING_STARTS = { LocalDate.of(2012, 6, 1), LocalDate.of(2013, 1, 1),
			LocalDate.of(2013, 5, 1), LocalDate.of(2013, 5, 2), LocalDate.of(2013, 8, 1) };

	private final Random random;

	private final InMemoryRegistry registry;

	private final Map<String, Balances> openingBalances = new HashMap<>();

	private final Map<String, YearTotals> opening2013 = new HashMap<>();

	private final List<List<ClaimToValue>> claimsByHousehold = new ArrayList<>();

	public RandomWorld(Random random, int households) {
		this.random = random;
		InMemoryRegistry.Builder builder = InMemoryRegistry.builder();
		for (String code : new String[] { "SD01", "SD02", "SD03", "SD04", "SD05" }) {
			builder.specialDisease(code);
		}
		catalog(builder);
		for (int h = 0; h < households; h++) {
			this.claimsByHousehold.add(household(h, builder));
		}
		this.registry = builder.build();
	}

	public Registry registry() {
		return this.registry;
	}

	/**
	 * A fresh state with everyone's opening balances and some 2013 accumulators near the
	 * cap.
	 */
	public HouseholdState openingState() {
		HouseholdState state = new HouseholdState();
		this.openingBalances.forEach(state::putBalances);
		this.opening2013.forEach((person, totals) -> state.putYearTotals(person, 2013, totals));
		return state;
	}

	/** Each household's claims in settlement order. */
	List<List<ClaimToValue>> claimsByHousehold() {
		return this.claimsByHousehold;
	}

	/**
	 * All claims by service date; households that share nothing may come in any order on
	 * one day.
	 */
	public List<ClaimToValue> claimsInSettlementOrder() {
		List<ClaimToValue> all = new ArrayList<>();
		this.claimsByHousehold.forEach(all::addAll);
		all.sort(Comparator.comparing(ClaimToValue::serviceDate));
		return all;
	}

	private void catalog(InMemoryRegistry.Builder builder) {
		for (int i = 0; i < 40; i++) {
			String code = String.format("I%02d", i);
			Ratio ratio = randomRatio();
			BigDecimal max = chance(30) ? price(1000, 50000) : null;
			if (chance(20)) {
				builder.catalogItem(
						new CatalogItem(code, code, ratio, max, Fixtures.OPEN_FROM, LocalDate.of(2013, 4, 30)));
				builder.catalogItem(new CatalogItem(code, code, randomRatio(), max, LocalDate.of(2013, 5, 1), null));
			}
			else {
				builder.catalogItem(new CatalogItem(code, code, ratio, max, Fixtures.OPEN_FROM, null));
			}
		}
	}

	private List<ClaimToValue> household(int h, InMemoryRegistry.Builder builder) {
		List<String> insured = new ArrayList<>();
		List<String> members = new ArrayList<>();
		for (int i = 0, n = 1 + this.random.nextInt(3); i < n; i++) {
			String id = "H" + h + "P" + i;
			builder.person(new Person(id, id, chance(50) ? Category.IN_SERVICE : Category.RETIRED,
					chance(5) ? PersonStatus.SUSPENDED : PersonStatus.ACTIVE));
			this.openingBalances.put(id, new Balances(money(30, 300000), money(30, 2000000)));
			if (chance(15)) {
				this.opening2013.put(id, new YearTotals(Money.ofFen(14000000 + this.random.nextInt(1000000)),
						Money.ofFen(this.random.nextInt(100001)), this.random.nextInt(2)));
			}
			if (chance(30)) {
				LocalDate from = day();
				builder.certification(new Certification(id, "SD0" + (1 + this.random.nextInt(5)), from,
						chance(50) ? null : from.plusDays(this.random.nextInt(200))));
			}
			insured.add(id);
			members.add(id);
		}
		for (int j = 0, n = this.random.nextInt(3); j < n; j++) {
			String id = "H" + h + "R" + j;
			for (int b = 0, bindings = 1 + this.random.nextInt(2); b < bindings; b++) {
				builder.binding(binding(insured.get(this.random.nextInt(insured.size())), id));
			}
			members.add(id);
		}
		if (insured.size() > 1 && chance(50)) {
			builder.binding(binding(insured.get(0), insured.get(1)));
		}
		List<ClaimToValue> claims = new ArrayList<>();
		for (int k = 0, n = 10 + this.random.nextInt(21); k < n; k++) {
			String patient = chance(3) ? "H" + h + "X" : members.get(this.random.nextInt(members.size()));
			claims.add(claim("H" + h + "C" + k, patient));
		}
		claims.sort(Comparator.comparing(ClaimToValue::serviceDate));
		return claims;
	}

	private FamilyBinding binding(String grantor, String member) {
		LocalDate from = BINDING_STARTS[this.random.nextInt(BINDING_STARTS.length)];
		return new FamilyBinding(grantor, member, Relation.values()[this.random.nextInt(3)], from,
				chance(70) ? null : from.plusDays(this.random.nextInt(400)));
	}

	private ClaimToValue claim(String claimNo, String patient) {
		int kind = this.random.nextInt(4);
		VisitType type = kind < 2 ? VisitType.OUT : kind == 2 ? VisitType.INP : VisitType.SPD;
		String disease = type == VisitType.SPD ? (chance(5) ? "" : "SD0" + (1 + this.random.nextInt(6))) : null;
		LocalDate end = day();
		List<ClaimLine> lines = new ArrayList<>();
		for (int i = 1, n = 1 + this.random.nextInt(6); i <= n; i++) {
			String item = chance(5) ? "U" + this.random.nextInt(100) : String.format("I%02d", this.random.nextInt(40));
			BigDecimal unitPrice = type == VisitType.INP && chance(10) ? price(1000000, 9000000) : price(1, 60000);
			BigDecimal quantity = chance(60) ? BigDecimal.valueOf(1 + this.random.nextInt(30))
					: BigDecimal.valueOf(1 + this.random.nextInt(5000), 3);
			lines.add(
					new ClaimLine(i, item, item, unitPrice, quantity, Money.roundHalfUp(unitPrice.multiply(quantity))));
		}
		boolean adhoc = chance(15);
		return new ClaimToValue(claimNo, "H1", HospitalLevel.values()[this.random.nextInt(3)],
				chance(20) ? Region.OUT_OF_AREA : Region.LOCAL, patient, type, end.minusDays(this.random.nextInt(10)),
				end, disease, lines, adhoc, adhoc && chance(50));
	}

	private Ratio randomRatio() {
		return chance(15) ? Ratio.of(BigDecimal.valueOf(1 + this.random.nextInt(999), 3))
				: Ratio.of(RATIOS[this.random.nextInt(RATIOS.length)]);
	}

	/** A unit price of two to four decimals between the bounds, given in fen. */
	private BigDecimal price(int minFen, int maxFen) {
		long tenThousandths = (minFen + this.random.nextInt(maxFen - minFen)) * 100L + this.random.nextInt(100);
		return BigDecimal.valueOf(tenThousandths, 4).setScale(2 + this.random.nextInt(3), RoundingMode.DOWN);
	}

	private Money money(int zeroPercent, int maxFen) {
		return chance(zeroPercent) ? Money.ZERO : Money.ofFen(this.random.nextInt(maxFen));
	}

	private LocalDate day() {
		return FIRST_DAY.plusDays(this.random.nextInt(DAYS));
	}

	private boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

}
