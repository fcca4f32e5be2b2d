package org.medclaims.intake.sftp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits double after each failure in a row, up to the maximum; a success resets. */
class BackoffTests {

	MutableClock clock = new MutableClock();

	Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(2), this.clock);

	@Test
	void shouldWaitLongerAfterEachFailureUpToTheMaximum() {
		assertThat(this.backoff.due("server")).isTrue();
		assertThat(this.backoff.failed("server")).hasSeconds(30);
		assertThat(this.backoff.due("server")).isFalse();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.backoff.due("server")).isTrue();
		assertThat(this.backoff.failed("server")).hasSeconds(60);
		assertThat(this.backoff.failed("server")).hasSeconds(120);
		assertThat(this.backoff.failed("server")).hasSeconds(120);
		assertThat(this.backoff.due("inbox H1")).as("targets are independent").isTrue();
	}

	@Test
	void shouldResetAfterASuccess() {
		this.backoff.failed("inbox H1");
		this.backoff.failed("inbox H1");
		this.backoff.succeeded("inbox H1");
		assertThat(this.backoff.due("inbox H1")).isTrue();
		assertThat(this.backoff.failed("inbox H1")).hasSeconds(30);
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2014-02-10T08:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
