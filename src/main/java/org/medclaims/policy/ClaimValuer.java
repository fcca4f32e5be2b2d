package org.medclaims.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The policy engine: values one claim by steps 1 to 6 of policy.md. Pure Java, no clock,
 * no I/O; the same claim, registry and state always give the same valuation.
 */
public final class ClaimValuer {

	private final PolicyBook policies;

	public ClaimValuer(PolicyBook policies) {
		this.policies = policies;
	}

	/** Values the claim against the household's state without changing it (a preview). */
	public ClaimValuation value(ClaimToValue claim, Registry registry, HouseholdState state) {
		LocalDate serviceDate = claim.serviceDate();
		Optional<PolicyVersion> inForce = this.policies.versionOn(serviceDate);
		if (inForce.isEmpty()) {
			return rejected(claim, null, Rejection.E_DATES, "No policy version is in force on " + serviceDate
					+ ": the earliest takes effect on " + this.policies.earliestEffectiveDate() + " (E_DATES).");
		}
		PolicyVersion version = inForce.get();
		Coverage coverage = Coverage.of(claim, registry, version);
		if (coverage.isRejected()) {
			return rejected(claim, version.id(), coverage.rejection(), coverage.message());
		}
		String diseaseCode = claim.specialDiseaseCode();
		if (claim.visitType() == VisitType.SPD && !registry.isSpecialDisease(diseaseCode)) {
			return rejected(claim, version.id(), Rejection.E_SPECIAL_DISEASE,
					diseaseCode == null || diseaseCode.isBlank()
							? "A special-disease claim needs a special-disease code (E_SPECIAL_DISEASE)."
							: "'" + diseaseCode + "' is not a known special-disease code (E_SPECIAL_DISEASE).");
		}
		return settled(claim, registry, state, version, coverage).toValuation();
	}

	/**
	 * Values the claim and applies it to the state (step 6); a rejected claim changes
	 * nothing.
	 */
	public ClaimValuation settle(ClaimToValue claim, Registry registry, HouseholdState state) {
		ClaimValuation valuation = value(claim, registry, state);
		state.apply(valuation);
		return valuation;
	}

	/**
	 * The working figures of a claim that {@link #value} settles: what the test oracle of
	 * the explanation reads.
	 */
	Breakdown breakdown(ClaimToValue claim, Registry registry, HouseholdState state) {
		PolicyVersion version = this.policies.versionOn(claim.serviceDate()).orElseThrow();
		return settled(claim, registry, state, version, Coverage.of(claim, registry, version));
	}

	private Breakdown settled(ClaimToValue claim, Registry registry, HouseholdState state, PolicyVersion version,
			Coverage coverage) {
		Breakdown breakdown = new Breakdown(claim, version, coverage);
		breakdown.lines = LineRules.value(claim.lines(), registry, claim.serviceDate());
		breakdown.eligible = breakdown.lines.eligible();
		breakdown.selfPayFirst = breakdown.lines.selfPayFirst();
		chargeAdhocFirstSelfPay(breakdown);
		if (coverage.isInsured()) {
			breakdown.fundShare = fundShare(breakdown, registry, state);
		}
		payPersonalPart(breakdown, state);
		return breakdown;
	}

	/**
	 * Step 3: an unregistered out-of-area ad-hoc stay first bears a share of the eligible
	 * amount, like 自理.
	 */
	private static void chargeAdhocFirstSelfPay(Breakdown breakdown) {
		ClaimToValue claim = breakdown.claim;
		if (claim.adhoc() && claim.hospitalRegion() == Region.OUT_OF_AREA && !claim.registeredInAdvance()) {
			breakdown.firstSelfPay = breakdown.eligible.times(breakdown.version.adhocUnregisteredFirstSelfPay());
			breakdown.eligible = breakdown.eligible.minus(breakdown.firstSelfPay);
			breakdown.selfPayFirst = breakdown.selfPayFirst.plus(breakdown.firstSelfPay);
		}
	}

	/** Step 4 for an insured patient. */
	private static FundRules.FundShare fundShare(Breakdown breakdown, Registry registry, HouseholdState state) {
		ClaimToValue claim = breakdown.claim;
		Person patient = breakdown.coverage.insured();
		PolicyVersion version = breakdown.version;
		YearTotals year = state.yearTotals(patient.personId(), claim.serviceDate().getYear());
		switch (claim.visitType()) {
			case INP:
				return FundRules.inpatient(version, patient, claim.hospitalLevel(), breakdown.eligible, year);
			case SPD:
				if (certified(patient.personId(), claim.specialDiseaseCode(), claim.serviceDate(), registry)) {
					return FundRules.specialDisease(version, patient, claim.hospitalLevel(), breakdown.eligible, year);
				}
				breakdown.warnings.add(Warning.W_NOT_CERTIFIED);
				break;
			default:
				break;
		}
		return FundRules.outpatient(version, patient, claim.hospitalLevel(), breakdown.eligible,
				state.balances(patient.personId()), year);
	}

	private static boolean certified(String personId, String diseaseCode, LocalDate serviceDate, Registry registry) {
		for (Certification certification : registry.certificationsOf(personId)) {
			if (certification.diseaseCode().equals(diseaseCode) && certification.validOn(serviceDate)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Step 5: own historical account, then family accounts in binding order, the rest in
	 * cash.
	 */
	private static void payPersonalPart(Breakdown breakdown, HouseholdState state) {
		Money payable = breakdown.deductible().plus(breakdown.segment()).plus(breakdown.coinsurance());
		if (breakdown.version.historicalAccountPaysSelfPayFirst()) {
			payable = payable.plus(breakdown.selfPayFirst);
		}
		if (breakdown.coverage.isInsured()) {
			Money balance = state.balances(breakdown.claim.patientId()).historicalAccount().max(Money.ZERO);
			breakdown.historical = balance.min(payable);
			payable = payable.minus(breakdown.historical);
		}
		for (FamilyBinding binding : breakdown.coverage.grantors()) {
			Money balance = state.balances(binding.grantorId()).historicalAccount().max(Money.ZERO);
			Money paid = balance.min(payable);
			breakdown.familyPayments.add(new FamilyPayment(binding.grantorId(), paid));
			breakdown.familyAccount = breakdown.familyAccount.plus(paid);
			payable = payable.minus(paid);
		}
	}

	private static ClaimValuation rejected(ClaimToValue claim, String policyVersionId, Rejection rejection,
			String message) {
		return new ClaimValuation(claim.claimNo(), claim.patientId(), ValuationOutcome.REJECTED, rejection.name(),
				message, policyVersionId, claim.serviceDate(), claim.visitType(), false,
				Amounts.rejected(claim.total()), List.of(), List.of(), List.of(), null);
	}

	/** The working figures of one settled claim, filled step by step. */
	static final class Breakdown {

		final ClaimToValue claim;

		final PolicyVersion version;

		final Coverage coverage;

		final EnumSet<Warning> warnings = EnumSet.noneOf(Warning.class);

		final List<FamilyPayment> familyPayments = new ArrayList<>(2);

		LineRules.Result lines;

		Money eligible;

		Money selfPayFirst;

		Money firstSelfPay = Money.ZERO;

		/** Null for an uninsured relative: the fund pays nothing. */
		FundRules.FundShare fundShare;

		Money historical = Money.ZERO;

		Money familyAccount = Money.ZERO;

		Breakdown(ClaimToValue claim, PolicyVersion version, Coverage coverage) {
			this.claim = claim;
			this.version = version;
			this.coverage = coverage;
		}

		Money deductible() {
			return this.fundShare == null ? Money.ZERO : this.fundShare.deductible();
		}

		Money segment() {
			return this.fundShare == null ? Money.ZERO : this.fundShare.segment();
		}

		/** For an uninsured relative the whole eligible amount is the personal part. */
		Money coinsurance() {
			return this.fundShare == null ? this.eligible : this.fundShare.coinsurance();
		}

		Money fund() {
			return this.fundShare == null ? Money.ZERO : this.fundShare.fund();
		}

		Money current() {
			return this.fundShare == null ? Money.ZERO : this.fundShare.current();
		}

		Money overCap() {
			return this.fundShare == null ? Money.ZERO : this.fundShare.overCap();
		}

		VisitType valuedAs() {
			return this.fundShare == null ? this.claim.visitType() : this.fundShare.valuedAs();
		}

		Amounts amounts() {
			Money total = this.claim.total();
			Money cash = total.minus(fund()).minus(current()).minus(this.historical).minus(this.familyAccount);
			return new Amounts(total, this.lines.selfPay(), this.selfPayFirst, deductible(), segment(), coinsurance(),
					overCap(), fund(), current(), this.historical, this.familyAccount, cash);
		}

		ClaimValuation toValuation() {
			if (this.lines.notInCatalog()) {
				this.warnings.add(Warning.W_NOT_IN_CATALOG);
			}
			if (this.lines.overPrice()) {
				this.warnings.add(Warning.W_OVER_PRICE);
			}
			if (overCap().isPositive()) {
				this.warnings.add(Warning.W_OVER_CAP);
			}
			List<String> codes = new ArrayList<>(this.warnings.size());
			this.warnings.forEach(warning -> codes.add(warning.name()));
			Amounts amounts = amounts();
			Person insured = this.coverage.insured();
			ValuationBasis basis = new ValuationBasis(this.claim.hospitalLevel(),
					insured == null ? null : insured.category(), this.fundShare == null ? null : this.fundShare.ratio(),
					this.claim.specialDiseaseCode());
			return new ClaimValuation(this.claim.claimNo(), this.claim.patientId(), ValuationOutcome.SETTLED, null,
					Explanation.summary(this.version.id(), amounts), this.version.id(), this.claim.serviceDate(),
					valuedAs(), this.coverage.isInsured(), amounts, codes, this.lines.lines(), this.familyPayments,
					basis);
		}

	}

}
