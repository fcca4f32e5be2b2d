package org.medclaims.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.medclaims.TestRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.TestRegistry.A_PATIENT;

/**
 * {@code serve} with {@code medclaims.rollover.cron}: at 02:00 on 1 January 2014 in
 * Shanghai it rolls over 2013, once.
 */
@SpringBootTest(properties = { "medclaims.command=serve", "medclaims.rollover.cron=0 0 2 1 1 *" })
class ScheduledRolloverTests {

	@Autowired
	ScheduledRollover scheduled;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theScheduleRollsOverTheYearThatJustEndedOnce() {
		TestRegistry.workedExamples(this.jdbc);
		TestRegistry.forgetJobs(this.jdbc);

		this.scheduled.rollOverTheYearThatEnded();
		this.scheduled.rollOverTheYearThatEnded();

		assertThat(this.jdbc.queryForList("SELECT year FROM account_rollover WHERE finished_at IS NOT NULL",
				Integer.class))
			.containsExactly(2013);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class)).isOne();
		assertThat(this.jdbc.queryForList(
				"SELECT current_account || ' ' || historical_account FROM person" + " WHERE person_id = ?",
				String.class, A_PATIENT))
			.containsExactly("0 520000");
	}

	@TestConfiguration
	static class NewYearsNight {

		@Bean
		@Primary
		Clock newYearsNight() {
			return Clock.fixed(Instant.parse("2013-12-31T18:00:00Z"), ZoneId.of("UTC"));
		}

	}

}
