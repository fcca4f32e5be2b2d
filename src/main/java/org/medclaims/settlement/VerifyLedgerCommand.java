package org.medclaims.settlement;

import java.util.List;

import org.medclaims.system.Command;
import org.medclaims.system.PersonIds;

import org.springframework.stereotype.Component;

/** {@code verify-ledger}: exit 0 when every balance equals opening balance minus ledger and no row dangles. */
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
		if (result.consistent()) {
			System.out.printf("Ledger consistent: %d accounts, %d entries; every balance = opening - ledger;"
					+ " every claim, line, settlement and entry refers to what it belongs to.%n", result.persons(),
					result.entries());
			return 0;
		}
		result.mismatches().forEach(id -> System.err.println("Balance differs from opening - ledger: " + PersonIds.mask(id)));
		result.orphans().forEach(orphan -> System.err.println("Dangling reference: " + orphan + "."));
		if (!result.mismatches().isEmpty()) {
			System.err.printf("%d of %d accounts disagree with the ledger: stop settlement and investigate.%n",
					result.mismatches().size(), result.persons());
		}
		if (!result.orphans().isEmpty()) {
			System.err.println("Rows refer to claims or persons that do not exist: stop settlement and investigate.");
		}
		return 1;
	}

}
