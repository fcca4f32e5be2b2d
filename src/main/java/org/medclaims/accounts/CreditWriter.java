package org.medclaims.accounts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.medclaims.accounts.AccountLedger.CreditKey;
import org.medclaims.policy.Account;
import org.medclaims.policy.AccountCredit;
import org.medclaims.policy.HouseholdState;
import org.medclaims.policy.Money;
import org.medclaims.system.OperatorMistake;
import org.medclaims.system.PersonIds;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Credits a chunk of rows in the chunk's transaction, under the account locks settlement
 * takes: one CREDIT entry per person and month, into the current-year account or, for a
 * rolled-over year, the historical one. A credit already made with the same amount
 * changes nothing. Its counts are saved with the chunk, so a restarted import reports the
 * whole file.
 */
class CreditWriter implements ItemStreamWriter<AccountCredit> {

	static final String WRITTEN = "credits.written";

	static final String AMOUNT = "credits.amount";

	static final String TO_HISTORICAL = "credits.toHistorical";

	static final String UNCHANGED = "credits.unchanged";

	private final AccountLedger ledger;

	private final AccountBalances balances;

	private final RolloverRecords rollovers;

	private final Clock clock;

	private long written;

	private long amount;

	private long toHistorical;

	private long unchanged;

	CreditWriter(AccountLedger ledger, AccountBalances balances, RolloverRecords rollovers, Clock clock) {
		this.ledger = ledger;
		this.balances = balances;
		this.rollovers = rollovers;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends AccountCredit> chunk) {
		Map<CreditKey, AccountCredit> credits = new LinkedHashMap<>();
		long repeated = 0;
		for (AccountCredit credit : chunk) {
			AccountCredit first = credits.putIfAbsent(new CreditKey(credit.personId(), credit.month()), credit);
			if (first != null) {
				requireSame(first.amount(), credit);
				repeated++;
			}
		}
		Set<String> persons = new TreeSet<>();
		credits.values().forEach(c -> persons.add(c.personId()));
		HouseholdState state = this.ledger.lock(persons);
		Map<CreditKey, Money> before = this.ledger.credited(credits.keySet());
		Set<Integer> rolledOver = this.rollovers.years();
		Map<AccountCredit, Account> accounts = new LinkedHashMap<>();
		for (Map.Entry<CreditKey, AccountCredit> entry : credits.entrySet()) {
			AccountCredit credit = entry.getValue();
			if (!state.allBalances().containsKey(credit.personId())) {
				throw new OperatorMistake(
						PersonIds.mask(credit.personId()) + " left the registry after the credits file"
								+ " was checked: import the file again once the registry holds the person.");
			}
			Money earlier = before.get(entry.getKey());
			if (earlier != null) {
				requireSame(earlier, credit);
				repeated++;
				continue;
			}
			Account account = credit.account(rolledOver);
			state.credit(credit.personId(), account, credit.amount());
			accounts.put(credit, account);
		}
		this.ledger.insertCredits(accounts, this.clock.instant());
		this.balances.write(state);
		this.written += accounts.size();
		this.unchanged += repeated;
		accounts.forEach((credit, account) -> {
			this.amount += credit.amount().fen();
			this.toHistorical += account == Account.HISTORICAL ? 1 : 0;
		});
	}

	// the check found none; another import may have credited the month since
	private static void requireSame(Money earlier, AccountCredit credit) {
		if (!earlier.equals(credit.amount())) {
			throw new OperatorMistake(PersonIds.mask(credit.personId()) + " was already credited " + earlier + " for "
					+ credit.month() + ": mend the file and import it again.");
		}
	}

	@Override
	public void open(ExecutionContext context) {
		this.written = context.getLong(WRITTEN, 0L);
		this.amount = context.getLong(AMOUNT, 0L);
		this.toHistorical = context.getLong(TO_HISTORICAL, 0L);
		this.unchanged = context.getLong(UNCHANGED, 0L);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(WRITTEN, this.written);
		context.putLong(AMOUNT, this.amount);
		context.putLong(TO_HISTORICAL, this.toHistorical);
		context.putLong(UNCHANGED, this.unchanged);
	}

}
