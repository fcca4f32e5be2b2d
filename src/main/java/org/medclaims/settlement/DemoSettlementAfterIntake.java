package org.medclaims.settlement;

import org.medclaims.intake.ClaimFileProcessed;
import org.medclaims.system.CommandLine;
import org.medclaims.system.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** In demo mode {@code serve} settles right after each accepted file instead of waiting for the night. */
@Component
class DemoSettlementAfterIntake {

	private static final Logger log = LoggerFactory.getLogger(DemoSettlementAfterIntake.class);

	private final SettlementRuns settlement;

	private final boolean active;

	DemoSettlementAfterIntake(SettlementRuns settlement, Environment environment) {
		this.settlement = settlement;
		this.active = DemoMode.isOn(environment)
				&& CommandLine.SERVE.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
	}

	@EventListener
	void settle(ClaimFileProcessed processed) {
		if (!this.active || !"COMPLETED".equals(processed.exitCode())) {
			return;
		}
		try {
			this.settlement.settleEverythingWaiting();
		}
		catch (Exception ex) {
			log.error("Demo settlement after {} failed: {}", processed.fileName(), ex.getMessage());
		}
	}

}
