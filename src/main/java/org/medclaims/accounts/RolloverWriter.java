package org.medclaims.accounts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.Money;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Rolls a chunk of persons over in the chunk's transaction, under the account locks
 * settlement takes: each current-year balance above zero moves into the historical
 * account as two ROLLOVER entries. A person the year's rollover already moved is left
 * alone, so nobody is rolled over twice. The year's counts grow in the same transaction.
 */
class RolloverWriter implements ItemWriter<String> {

	private final int year;

	private final AccountLedger ledger;

	private final AccountBalances balances;

	private final RolloverRecords records;

	private final Clock clock;

	RolloverWriter(int year, AccountLedger ledger, AccountBalances balances, RolloverRecords records, Clock clock) {
		this.year = year;
		this.ledger = ledger;
		this.balances = balances;
		this.records = records;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends String> persons) {
		List<String> ids = List.copyOf(persons.getItems());
		HouseholdState state = this.ledger.lock(ids);
		Set<String> done = this.ledger.rolledOver(ids, this.year);
		Map<String, Money> moved = new LinkedHashMap<>();
		long nothing = 0;
		Money total = Money.ZERO;
		for (String person : ids) {
			if (!state.allBalances().containsKey(person) || done.contains(person)) {
				continue;
			}
			Money amount = state.rollOver(person);
			if (amount.isPositive()) {
				moved.put(person, amount);
				total = total.plus(amount);
			}
			else {
				nothing++;
			}
		}
		this.ledger.insertRollovers(moved, this.year, this.clock.instant());
		this.balances.write(state);
		this.records.count(this.year, moved.size(), total, nothing);
	}

}
