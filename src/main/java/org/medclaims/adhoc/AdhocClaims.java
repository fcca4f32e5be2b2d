package org.medclaims.adhoc;

import java.time.Clock;
import java.util.List;

import org.medclaims.claims.AdhocClaimRecords;
import org.medclaims.claims.ClaimDetails;
import org.medclaims.intake.ClaimNumbers;
import org.medclaims.policy.ClaimToValue;
import org.medclaims.policy.ClaimValuation;
import org.medclaims.policy.ClaimValuer;
import org.medclaims.accounts.HouseholdAccounts;
import org.medclaims.accounts.LockedAccounts;
import org.medclaims.settlement.SettledClaim;
import org.medclaims.settlement.SettlementDetails;
import org.medclaims.settlement.SettlementRecorder;
import org.medclaims.system.PersonIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Values and settles ad-hoc claims (零星报销) with the engine the nightly job uses, under the
 * same account locks ({@link HouseholdAccounts}), so a clerk and the settlement job never
 * lose each other's updates.
 */
@Service
class AdhocClaims {

	private static final Logger log = LoggerFactory.getLogger(AdhocClaims.class);

	/**
	 * A settled (or rule-rejected) claim; {@code created} false when it was settled by an
	 * earlier submission.
	 */
	record Outcome(ClaimResult result, boolean created) {
	}

	private final JdbcTemplate jdbc;

	private final AdhocHospitals hospitals;

	private final HouseholdAccounts accounts;

	private final ClaimValuer valuer;

	private final SettlementRecorder recorder;

	private final SettlementDetails details;

	private final AdhocClaimRecords records;

	private final ClaimQueries queries;

	private final AdhocAudit audit;

	private final Clock clock;

	AdhocClaims(JdbcTemplate jdbc, AdhocHospitals hospitals, HouseholdAccounts accounts, ClaimValuer valuer,
			SettlementRecorder recorder, SettlementDetails details, AdhocClaimRecords records, ClaimQueries queries,
			AdhocAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.hospitals = hospitals;
		this.accounts = accounts;
		this.valuer = valuer;
		this.recorder = recorder;
		this.details = details;
		this.records = records;
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Values the claim against balances read under shared account locks, so that a
	 * settlement running now is waited for rather than half seen; changes nothing but the
	 * audit trail.
	 */
	@Transactional
	ClaimResult preview(ValidAdhocClaim claim) {
		AdhocHospitals.Hospital hospital = this.hospitals.resolve(claim);
		ClaimToValue toValue = claim.toValue(hospital.level(), hospital.region());
		LockedAccounts locked = this.accounts.lockShared(List.of(toValue));
		ClaimValuation valuation = this.valuer.value(toValue, locked, locked.state());
		this.audit.recordPreview(claim.hospitalCode(), claim.claimNo(),
				claim.contentHash(hospital.level(), hospital.region()), summary(valuation));
		return ClaimResult.of(valuation, this.details);
	}

	/**
	 * Records and settles the claim in one transaction. It holds the hospital's
	 * claim-number lock, the one the intake takes while it stages that hospital's claims:
	 * a double-clicked submit finds the first one's claim and answers its result, and a
	 * file's claim never takes the number in between.
	 */
	@Transactional(noRollbackFor = DuplicateClaim.class)
	Outcome submit(ValidAdhocClaim claim) {
		ClaimNumbers.lock(this.jdbc, claim.hospitalCode());
		AdhocHospitals.Hospital hospital = this.hospitals.resolve(claim);
		if (!hospital.known()) {
			this.hospitals.ensure(hospital);
			hospital = this.hospitals.resolve(claim);
		}
		String hash = claim.contentHash(hospital.level(), hospital.region());
		ClaimDetails.Existing existing = this.queries.current(claim.hospitalCode(), claim.claimNo());
		// a rejected or reversed claim sent again is valued again (the registry may have
		// been mended, the reversal
		// made room for a corrected claim), as a file's is
		if (existing != null && existing.holdsNumber() && existing.adhoc() && hash.equals(existing.contentHash())) {
			this.audit.record(AdhocAudit.Action.RESUBMITTED, claim.hospitalCode(), claim.claimNo(), existing.id(), hash,
					"the same content again: the earlier result stands");
			return new Outcome(this.queries.result(existing.id()), false);
		}
		if (existing != null && existing.holdsNumber()) {
			this.audit.record(AdhocAudit.Action.REFUSED, claim.hospitalCode(), claim.claimNo(), existing.id(), hash,
					"other content under a claim number in use (E_DUPLICATE_CLAIM)");
			throw new DuplicateClaim(claim.hospitalCode(), claim.claimNo());
		}
		long claimId = insert(claim, hash);
		this.audit.record(AdhocAudit.Action.SUBMITTED, claim.hospitalCode(), claim.claimNo(), claimId, hash,
				claim.reason() + (claim.registered() ? ", registered in advance" : "") + ", total " + claim.total());
		ClaimToValue toValue = claim.toValue(hospital.level(), hospital.region());
		LockedAccounts locked = this.accounts.lock(List.of(toValue));
		ClaimValuation valuation = this.valuer.settle(toValue, locked, locked.state());
		this.recorder.record(List.of(new SettledClaim(claimId, valuation)), locked.state(), this.clock.instant());
		this.audit.record(valuation.settled() ? AdhocAudit.Action.SETTLED : AdhocAudit.Action.REJECTED,
				claim.hospitalCode(), claim.claimNo(), claimId, hash, summary(valuation));
		log.info("Ad-hoc claim {} of {} for {} {} by {}", claim.claimNo(), claim.hospitalCode(),
				PersonIds.mask(claim.patientId()), valuation.status(), AdhocAudit.currentUser());
		return new Outcome(this.queries.result(claimId), true);
	}

	private long insert(ValidAdhocClaim claim, String hash) {
		return this.records.insert(new AdhocClaimRecords.NewClaim(claim.hospitalCode(), claim.claimNo(),
				claim.patientId(), claim.patientName(), claim.visitType(), claim.startDate(), claim.endDate(),
				claim.diagnosisCode(), claim.specialDiseaseCode(), claim.total(), claim.reason(), claim.registered(),
				hash, AdhocAudit.currentUser(), claim.lines()));
	}

	private static String summary(ClaimValuation valuation) {
		return valuation.settled()
				? "SETTLED: total " + valuation.amounts().total() + ", fund " + valuation.amounts().fund()
						+ ", accounts " + valuation.amounts().accounts() + ", cash " + valuation.amounts().cash()
				: "REJECTED " + valuation.rejectionCode() + ": " + valuation.message();
	}

}
