package org.medclaims.settlement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** In {@code serve}: the nightly settlement on {@code medclaims.settlement.cron}. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "medclaims.command", havingValue = "serve")
class NightlySettlement {

	private static final Logger log = LoggerFactory.getLogger(NightlySettlement.class);

	private final SettlementLauncher launcher;

	NightlySettlement(SettlementLauncher launcher) {
		this.launcher = launcher;
	}

	@Scheduled(cron = "${medclaims.settlement.cron:0 0 2 * * *}")
	void settle() {
		try {
			this.launcher.settleEverythingWaiting();
		}
		catch (SettlementLauncher.SettlementRefused ex) {
			log.error("Nightly settlement did not run. {}", ex.getMessage());
		}
		catch (Exception ex) {
			log.error("Nightly settlement could not start: {}", ex.getMessage());
		}
	}

}
