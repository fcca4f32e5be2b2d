package org.medclaims.operations;

import org.medclaims.system.CommandLine;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code serve} marks FAILED the executions its crashed predecessors left running, before
 * any job starts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupCrashRecovery implements ApplicationRunner {

	private final CrashRecovery crashRecovery;

	private final boolean serving;

	StartupCrashRecovery(CrashRecovery crashRecovery, Environment environment) {
		this.crashRecovery = crashRecovery;
		this.serving = CommandLine.SERVE
			.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.serving) {
			this.crashRecovery.recoverDeadOwners();
		}
	}

}
