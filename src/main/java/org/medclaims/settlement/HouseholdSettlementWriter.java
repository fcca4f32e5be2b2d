package org.medclaims.settlement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.medclaims.accounts.HouseholdAccounts;
import org.medclaims.accounts.LockedAccounts;
import org.medclaims.policy.ClaimToValue;
import org.medclaims.policy.ClaimValuer;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Settles a chunk of households in the chunk's one transaction: locks their account rows,
 * values every claim with the policy engine against the balances read under that lock,
 * household by household in settlement order, and records the results. Valuing after the
 * lock, not in a processor before it, is what keeps a clerk's ad-hoc claim from slipping
 * in between.
 */
class HouseholdSettlementWriter implements ItemWriter<Household> {

	private final HouseholdAccounts accounts;

	private final SettlementRecorder recorder;

	private final ClaimValuer valuer;

	private final Clock clock;

	private final long run;

	/**
	 * @param run the job execution this writer settles for
	 */
	HouseholdSettlementWriter(HouseholdAccounts accounts, SettlementRecorder recorder, ClaimValuer valuer, Clock clock,
			long run) {
		this.accounts = accounts;
		this.recorder = recorder;
		this.valuer = valuer;
		this.clock = clock;
		this.run = run;
	}

	@Override
	public void write(Chunk<? extends Household> households) {
		List<ClaimToValue> claims = new ArrayList<>();
		households.forEach(h -> h.claims().forEach(c -> claims.add(c.claim())));
		LockedAccounts locked = this.accounts.lock(claims);
		List<SettledClaim> settled = new ArrayList<>(claims.size());
		for (Household household : households) {
			for (WaitingClaim waiting : household.claims()) {
				settled.add(new SettledClaim(waiting.claimId(),
						this.valuer.settle(waiting.claim(), locked, locked.state())));
			}
		}
		this.recorder.record(settled, locked.state(), this.clock.instant(), this.run);
	}

}
