package org.medclaims.accounts;

import java.util.List;

import org.medclaims.system.Command;
import org.medclaims.system.PersonIds;

import org.springframework.stereotype.Component;

/**
 * {@code verify-ledger}: prints the totals of every kind of ledger entry; exit 0 when
 * every balance equals opening + in - out, rollovers and reversals match, and no row
 * dangles.
 */
@Component
class VerifyLedgerCommand implements Command {

	private final LedgerCheck ledgerCheck;

	VerifyLedgerCommand(LedgerCheck ledgerCheck) {
		this.ledgerCheck = ledgerCheck;
	}

	@Override
	public String name() {
		return "verify-ledger";
	}

	@Override
	public int run(List<String> arguments) {
		LedgerCheck.Result result = this.ledgerCheck.check();
		System.out.printf("%-10s  %-10s  %-3s  %12s  %16s%n", "KIND", "ACCOUNT", "DIR", "ENTRIES", "AMOUNT");
		result.totals()
			.forEach(t -> System.out.printf("%-10s  %-10s  %-3s  %,12d  %16s%n", t.kind(), t.account(), t.direction(),
					t.entries(), t.amount()));
		if (result.consistent()) {
			System.out.printf("Ledger consistent: %d accounts, %d entries; every balance = opening + in - out;"
					+ " every rollover and reversal matches; every claim, line, settlement and entry refers to what"
					+ " it belongs to.%n", result.persons(), result.entries());
			return 0;
		}
		result.mismatches()
			.forEach(id -> System.err.println("Balance differs from opening + in - out: " + PersonIds.mask(id)));
		result.orphans().forEach(orphan -> System.err.println("Dangling reference: " + orphan + "."));
		result.unmatched().forEach(unmatched -> System.err.println("Unmatched: " + unmatched + "."));
		if (!result.mismatches().isEmpty()) {
			System.err.printf("%d of %d accounts disagree with the ledger: stop settlement and investigate.%n",
					result.mismatches().size(), result.persons());
		}
		if (!result.orphans().isEmpty()) {
			System.err.println("Rows refer to claims or persons that do not exist: stop settlement and investigate.");
		}
		if (!result.unmatched().isEmpty()) {
			System.err.println("Rollovers or reversals do not match what they moved: stop settlement and investigate.");
		}
		return 1;
	}

}
