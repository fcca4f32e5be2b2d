package org.medclaims.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures single-thread valuation throughput of five-line claims (not a test: run it by
 * hand).
 * {@code java -cp target/classes:target/test-classes org.medclaims.policy.ValuationThroughput [claims]}
 */
public final class ValuationThroughput {

	private ValuationThroughput() {
	}

	public static void main(String[] args) {
		int measured = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
		RandomWorld world = new RandomWorld(new Random(7), 2000);
		ClaimValuer valuer = new ClaimValuer(ShippedPolicies.book());
		HouseholdState state = world.openingState();
		List<ClaimToValue> claims = fiveLineClaims(world, valuer, state, new Random(11), 10_000);
		long sink = run(valuer, world.registry(), state, claims, 1_000_000);
		long start = System.nanoTime();
		sink += run(valuer, world.registry(), state, claims, measured);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%,d five-line claims valued in %.2f s on one thread: %,.0f claims/s (checksum %d)%n",
				measured, seconds, measured / seconds, sink);
	}

	/** value() leaves the state alone, so every round sees the same balances. */
	private static long run(ClaimValuer valuer, Registry registry, HouseholdState state, List<ClaimToValue> claims,
			int count) {
		long sink = 0;
		for (int i = 0; i < count; i++) {
			sink += valuer.value(claims.get(i % claims.size()), registry, state).amounts().cash().fen();
		}
		return sink;
	}

	/**
	 * Settled claims only, so that cheap rejections do not flatter the figure; each with
	 * exactly five lines.
	 */
	private static List<ClaimToValue> fiveLineClaims(RandomWorld world, ClaimValuer valuer, HouseholdState state,
			Random random, int count) {
		List<ClaimToValue> source = world.claimsInSettlementOrder();
		List<ClaimToValue> claims = new ArrayList<>(count);
		for (int i = 0; claims.size() < count; i++) {
			ClaimToValue base = source.get(random.nextInt(source.size()));
			List<ClaimLine> lines = new ArrayList<>(5);
			for (int n = 1; n <= 5; n++) {
				String item = String.format("I%02d", random.nextInt(40));
				BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(50000), 2);
				BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(5000), 3);
				lines.add(new ClaimLine(n, item, item, price, quantity, Money.roundHalfUp(price.multiply(quantity))));
			}
			ClaimToValue claim = new ClaimToValue("T" + i, base.hospitalCode(), base.hospitalLevel(),
					base.hospitalRegion(), base.patientId(), base.visitType(), base.startDate(),
					LocalDate.of(2013, 6, 1).plusDays(i % 200), base.specialDiseaseCode(), lines, base.adhoc(),
					base.registeredInAdvance());
			if (valuer.value(claim, world.registry(), state).settled()) {
				claims.add(claim);
			}
		}
		return claims;
	}

}
