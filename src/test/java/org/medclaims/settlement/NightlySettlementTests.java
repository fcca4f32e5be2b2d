package org.medclaims.settlement;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} schedules the nightly settlement on {@code medclaims.settlement.cron}.
 */
@SpringBootTest(properties = { "medclaims.command=serve", "medclaims.settlement.cron=0 30 1 * * *" })
class NightlySettlementTests {

	@Autowired
	List<ScheduledTaskHolder> schedulers;

	@Test
	void schedulesTheSettlementOnTheConfiguredCron() {
		assertThat(this.schedulers.stream()
			.flatMap(s -> s.getScheduledTasks().stream())
			.map(t -> t.getTask())
			.filter(CronTask.class::isInstance)
			.map(t -> ((CronTask) t).getExpression())).containsExactly("0 30 1 * * *");
	}

}
