package org.medclaims.accounts;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * In {@code serve}, when {@code medclaims.rollover.cron} is set: rolls over the year that
 * just ended.
 */
@Component
@EnableScheduling
@ConditionalOnExpression("'${medclaims.command:}' == 'serve' and '${medclaims.rollover.cron:}' != ''")
class ScheduledRollover {

	private static final Logger log = LoggerFactory.getLogger(ScheduledRollover.class);

	private final YearEndRollover rollover;

	private final JobOperator jobOperator;

	ScheduledRollover(YearEndRollover rollover, JobOperator jobOperator) {
		this.rollover = rollover;
		this.jobOperator = jobOperator;
	}

	@Scheduled(cron = "${medclaims.rollover.cron}", zone = "${medclaims.time-zone:Asia/Shanghai}")
	void rollOverTheYearThatEnded() {
		int year = this.rollover.lastEndedYear();
		Optional<String> refusal = this.rollover.refusal(year);
		if (refusal.isPresent()) {
			log.info("Scheduled rollover of {} not started: {}", year, refusal.get());
			return;
		}
		try {
			var execution = this.rollover.rollOver(year, this.jobOperator);
			log.info("Scheduled rollover of {}: execution {} ended {} ({})", year, execution.getId(),
					execution.getStatus(), execution.getExitStatus().getExitDescription());
		}
		catch (Exception ex) {
			log.error("Scheduled rollover of {} could not start: {}", year, ex.getMessage());
		}
	}

}
