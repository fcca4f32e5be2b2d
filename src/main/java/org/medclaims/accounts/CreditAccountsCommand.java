package org.medclaims.accounts;

import java.nio.file.Path;
import java.util.List;

import org.medclaims.system.Command;
import org.medclaims.system.OperatorMistake;

import org.springframework.stereotype.Component;

/**
 * {@code credit-accounts <file>}: imports one credits file; exit 0 when it was credited
 * (now or before).
 */
@Component
class CreditAccountsCommand implements Command {

	private final AccountCredits credits;

	CreditAccountsCommand(AccountCredits credits) {
		this.credits = credits;
	}

	@Override
	public String name() {
		return "credit-accounts";
	}

	@Override
	public int run(List<String> arguments) throws Exception {
		if (arguments.size() != 1) {
			throw new OperatorMistake("Give one credits file: credit-accounts <file>.");
		}
		AccountCredits.Outcome outcome = this.credits.importFile(Path.of(arguments.get(0)));
		outcome.problems().forEach(System.err::println);
		(outcome.succeeded() ? System.out : System.err).println(outcome.summary());
		return outcome.succeeded() ? 0 : 1;
	}

}
