package org.medclaims.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.medclaims.claims.ClaimReversals;
import org.medclaims.claims.ClaimStatus;
import org.medclaims.claims.ReversalRow;
import org.medclaims.intake.ClaimNumbers;
import org.medclaims.policy.AccountMovement;
import org.medclaims.policy.ClaimReversal;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.VisitType;
import org.medclaims.system.PersonIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reverses settled claims (冲正, accounts.md): every payment of the claim goes back into
 * the account it left, as that account is now, the service year's totals lose the claim,
 * and its number is free again. No other claim is valued again. It holds the hospital's
 * claim-number lock (as ad-hoc claims and the intake do) and the account locks of
 * everyone the claim paid from, in person-ID order, as settlement does.
 */
@Service
public class Reversals {

	private static final Logger log = LoggerFactory.getLogger(Reversals.class);

	/**
	 * The reversal of a claim; {@code created} false when an earlier request reversed it.
	 */
	public record Outcome(Reversal reversal, boolean created) {
	}

	private final JdbcTemplate jdbc;

	private final ClaimReversals claims;

	private final AccountLedger ledger;

	private final AccountBalances balances;

	private final Clock clock;

	private final AccountsProperties properties;

	Reversals(JdbcTemplate jdbc, ClaimReversals claims, AccountLedger ledger, AccountBalances balances, Clock clock,
			AccountsProperties properties) {
		this.jdbc = jdbc;
		this.claims = claims;
		this.ledger = ledger;
		this.balances = balances;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Reverses the claim, or answers its earlier reversal. {@link ReversalConflict} when
	 * it is waiting or rejected; {@link IllegalArgumentException} when no claim has that
	 * id.
	 */
	@Transactional
	public Outcome reverse(long claimId, String reason, String user) {
		String hospitalCode = this.claims.claim(claimId)
			.orElseThrow(() -> new IllegalArgumentException("No claim has id " + claimId))
			.hospitalCode();
		ClaimNumbers.lock(this.jdbc, hospitalCode);
		ClaimReversals.ReversibleClaim claim = this.claims.claim(claimId).orElseThrow();
		if (claim.status() == ClaimStatus.REVERSED) {
			return new Outcome(of(claimId).orElseThrow(), false);
		}
		if (claim.status() != ClaimStatus.SETTLED) {
			throw new ReversalConflict("Claim " + claim.claimNo() + " of " + claim.hospitalCode() + " is "
					+ (claim.status() == ClaimStatus.RECEIVED ? "waiting for settlement" : claim.status().name())
					+ ": only a SETTLED claim can be reversed.");
		}
		List<AccountMovement> payments = this.ledger.payments(claimId);
		Set<String> persons = new TreeSet<>();
		persons.add(claim.patientId());
		payments.forEach(p -> persons.add(p.personId()));
		HouseholdState state = this.ledger.lock(persons);
		int year = claim.serviceDate().getYear();
		this.ledger.loadYearTotals(state, claim.patientId(), year);
		// a patient in the registry was valued as insured, and the year's totals counted
		// the claim
		boolean insured = state.allBalances().containsKey(claim.patientId());
		state.reverse(new ClaimReversal(claim.claimNo(), claim.patientId(), year, insured,
				VisitType.INP.name().equals(claim.visitType()), claim.fund(), claim.segment(), payments));
		var at = this.clock.instant();
		this.ledger.insertReversal(claimId, payments, at);
		this.balances.write(state);
		this.claims.markReversed(claimId, reason, user, at);
		log.info("Claim {} of {} for {} REVERSED by {}", claim.claimNo(), claim.hospitalCode(),
				PersonIds.mask(claim.patientId()), user);
		return new Outcome(of(claimId).orElseThrow(), true);
	}

	/** The claim's reversal, when it was reversed. */
	public Optional<Reversal> of(long claimId) {
		return this.claims.stored(claimId).map(stored -> {
			String patient = this.claims.claim(claimId).orElseThrow().patientId();
			AccountLedger.Returned returned = this.ledger.returned(claimId, patient);
			return new Reversal(stored.reason(), stored.reversedBy(), stored.reversedAt(),
					returned.currentAccount().toString(), returned.historicalAccount().toString(),
					returned.familyAccount().toString());
		});
	}

	/**
	 * The reversal report: a hospital code's (every one's when null) between two days,
	 * both included.
	 */
	public List<ReversalRow> report(String hospitalCode, LocalDate from, LocalDate to) {
		return this.claims.report(hospitalCode, from, to, this.properties.zone());
	}

}
