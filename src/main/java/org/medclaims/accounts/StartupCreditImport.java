package org.medclaims.accounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.medclaims.system.CommandLine;
import org.medclaims.system.OperatorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code serve} imports the credits files of {@code medclaims.credits-dir} (the built-in
 * demo credits in demo mode) at start, after the reference import and before the first
 * claim file is taken in. Files imported before change nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class StartupCreditImport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartupCreditImport.class);

	private final AccountCredits credits;

	private final boolean serving;

	StartupCreditImport(AccountCredits credits, Environment environment) {
		this.credits = credits;
		this.serving = CommandLine.SERVE
			.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Optional<Path> dir = this.serving ? this.credits.startupDir() : Optional.empty();
		if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
			return;
		}
		try {
			for (AccountCredits.Outcome outcome : this.credits.importFolder(dir.get())) {
				outcome.problems().forEach(problem -> log.error("Bad credit row {}", problem));
				if (outcome.succeeded()) {
					log.info("Credits: {}", outcome.summary());
				}
				else {
					log.error("Credits: {}", outcome.summary());
				}
			}
		}
		catch (RuntimeException ex) {
			// serving goes on: the accounts lack these credits until the operator imports
			// them
			log.error("Credits of {} not imported: {}", dir.get(), OperatorMessages.describe(ex));
		}
	}

}
