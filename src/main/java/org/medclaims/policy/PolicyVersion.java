package org.medclaims.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One dated version of the reimbursement policy: every parameter of policy.md, in force
 * from {@code effectiveFrom} until the next version. Construction checks that every table
 * is complete, so a half-written policy file fails at load time rather than on some
 * claim.
 */
public record PolicyVersion(String id, LocalDate effectiveFrom, Map<Category, Money> outpatientSelfPaySegment,
		Map<Category, Map<HospitalLevel, Ratio>> outpatientFundRatio, Map<HospitalLevel, Money> inpatientDeductible,
		Ratio inpatientSubsequentAdmissionFactor, Map<Category, Map<HospitalLevel, Ratio>> inpatientFundRatio,
		Map<Category, Map<HospitalLevel, Ratio>> specialDiseaseFundRatio, Money annualFundCap,
		boolean historicalAccountPaysSelfPayFirst, boolean familyCoverageEnabled, Set<Relation> familyCoverageRelations,
		Ratio adhocUnregisteredFirstSelfPay) {

	public PolicyVersion {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(effectiveFrom, "effectiveFrom");
		outpatientSelfPaySegment = complete(outpatientSelfPaySegment, Category.class, id, "outpatient.selfPaySegment");
		outpatientFundRatio = completeTable(outpatientFundRatio, id, "outpatient.fundRatio");
		inpatientDeductible = complete(inpatientDeductible, HospitalLevel.class, id, "inpatient.deductible");
		require(inpatientSubsequentAdmissionFactor, id, "inpatient.subsequentAdmissionFactor");
		inpatientFundRatio = completeTable(inpatientFundRatio, id, "inpatient.fundRatio");
		specialDiseaseFundRatio = completeTable(specialDiseaseFundRatio, id, "specialDisease.fundRatio");
		require(annualFundCap, id, "annualFundCap");
		familyCoverageRelations = familyCoverageRelations == null || familyCoverageRelations.isEmpty() ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(familyCoverageRelations));
		require(adhocUnregisteredFirstSelfPay, id, "adhoc.unregisteredFirstSelfPay");
	}

	/** 门诊自负段: the yearly outpatient self-pay segment. */
	public Money selfPaySegment(Category category) {
		return this.outpatientSelfPaySegment.get(category);
	}

	public Ratio outpatientRatio(Category category, HospitalLevel level) {
		return this.outpatientFundRatio.get(category).get(level);
	}

	/** 起付标准 of a first admission. */
	public Money deductible(HospitalLevel level) {
		return this.inpatientDeductible.get(level);
	}

	public Ratio inpatientRatio(Category category, HospitalLevel level) {
		return this.inpatientFundRatio.get(category).get(level);
	}

	public Ratio specialDiseaseRatio(Category category, HospitalLevel level) {
		return this.specialDiseaseFundRatio.get(category).get(level);
	}

	/**
	 * Whether a binding of this relation lets a grantor's historical account pay (家庭共济).
	 */
	public boolean coversRelative(Relation relation) {
		return this.familyCoverageEnabled && this.familyCoverageRelations.contains(relation);
	}

	private static <K extends Enum<K>, V> Map<K, V> complete(Map<K, V> table, Class<K> keys, String id, String name) {
		require(table, id, name);
		for (K key : keys.getEnumConstants()) {
			if (table.get(key) == null) {
				throw new IllegalArgumentException("Policy version " + id + " has no " + name + " for " + key + ".");
			}
		}
		return Collections.unmodifiableMap(new EnumMap<>(table));
	}

	private static Map<Category, Map<HospitalLevel, Ratio>> completeTable(
			Map<Category, Map<HospitalLevel, Ratio>> table, String id, String name) {
		require(table, id, name);
		Map<Category, Map<HospitalLevel, Ratio>> copy = new EnumMap<>(Category.class);
		for (Category category : Category.values()) {
			copy.put(category, complete(table.get(category), HospitalLevel.class, id, name + "." + category));
		}
		return Collections.unmodifiableMap(copy);
	}

	private static void require(Object value, String id, String name) {
		if (value == null) {
			throw new IllegalArgumentException("Policy version " + id + " has no " + name + ".");
		}
	}

}
