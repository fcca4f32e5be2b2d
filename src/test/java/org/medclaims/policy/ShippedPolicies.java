package org.medclaims.policy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The two shipped policy versions of policy.md, for tests across the project. */
public final class ShippedPolicies {

	private ShippedPolicies() {
	}

	/** 2013-01-01: the historical account pays no 自理, no family coverage. */
	public static PolicyVersion baseline() {
		return version("2013-01-01", ratios("0.90", "0.87", "0.85", "0.93", "0.90", "0.88"), false, false, Set.of());
	}

	/**
	 * 2013-05-01: higher special-disease ratios, 自理 from the historical account, family
	 * coverage.
	 */
	public static PolicyVersion adjustment() {
		return version("2013-05-01", ratios("0.95", "0.92", "0.90", "0.97", "0.95", "0.93"), true, true,
				EnumSet.allOf(Relation.class));
	}

	public static PolicyBook book() {
		return new PolicyBook(List.of(baseline(), adjustment()));
	}

	/**
	 * The explanation of a valuation under these versions, rendered as the claim API
	 * renders it.
	 */
	public static List<String> explanation(ClaimValuation valuation) {
		return Explanation.sentences(valuation,
				valuation.settled() ? book().version(valuation.policyVersionId()).orElseThrow() : null);
	}

	private static PolicyVersion version(String id, Map<Category, Map<HospitalLevel, Ratio>> specialDisease,
			boolean paysSelfPayFirst, boolean family, Set<Relation> relations) {
		return new PolicyVersion(id, LocalDate.parse(id),
				Map.of(Category.IN_SERVICE, Money.parse("1000.00"), Category.RETIRED, Money.parse("700.00")),
				ratios("0.70", "0.65", "0.60", "0.80", "0.75", "0.70"),
				Map.of(HospitalLevel.COMMUNITY, Money.parse("300.00"), HospitalLevel.SECONDARY, Money.parse("600.00"),
						HospitalLevel.TERTIARY, Money.parse("1000.00")),
				Ratio.of("0.5"), ratios("0.90", "0.87", "0.85", "0.93", "0.90", "0.88"), specialDisease,
				Money.parse("150000.00"), paysSelfPayFirst, family, relations, Ratio.of("0.10"));
	}

	/** IN_SERVICE then RETIRED, each COMMUNITY / SECONDARY / TERTIARY. */
	static Map<Category, Map<HospitalLevel, Ratio>> ratios(String... values) {
		return Map.of(Category.IN_SERVICE, levels(values[0], values[1], values[2]), Category.RETIRED,
				levels(values[3], values[4], values[5]));
	}

	private static Map<HospitalLevel, Ratio> levels(String community, String secondary, String tertiary) {
		return Map.of(HospitalLevel.COMMUNITY, Ratio.of(community), HospitalLevel.SECONDARY, Ratio.of(secondary),
				HospitalLevel.TERTIARY, Ratio.of(tertiary));
	}

}
