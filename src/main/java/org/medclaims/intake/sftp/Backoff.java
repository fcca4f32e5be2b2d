package org.medclaims.intake.sftp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Exponential backoff per target (the server, one inbox, one outbox): after n failures in
 * a row the next attempt waits {@code base × 2^(n-1)}, at most {@code max}; a success
 * resets it.
 */
class Backoff {

	private final ExponentialBackOff policy;

	private final Clock clock;

	private final Map<String, State> states = new ConcurrentHashMap<>();

	Backoff(Duration base, Duration max, Clock clock) {
		this.policy = new ExponentialBackOff(base.toMillis(), 2.0);
		this.policy.setMaxInterval(Math.max(base.toMillis(), max.toMillis()));
		this.clock = clock;
	}

	boolean due(String target) {
		State state = this.states.get(target);
		return state == null || !this.clock.instant().isBefore(state.next());
	}

	/** Records a failure; returns how long until the next attempt. */
	Duration failed(String target) {
		Instant now = this.clock.instant();
		return this.states
			.compute(target, (t, old) -> ((old != null) ? old : new State(0, now, this.policy.start())).failed(now))
			.delay();
	}

	void succeeded(String target) {
		this.states.remove(target);
	}

	int failures(String target) {
		State state = this.states.get(target);
		return state == null ? 0 : state.failures();
	}

	private record State(int failures, Instant next, BackOffExecution execution, Duration delay) {

		State(int failures, Instant next, BackOffExecution execution) {
			this(failures, next, execution, Duration.ZERO);
		}

		State failed(Instant now) {
			Duration delay = Duration.ofMillis(this.execution.nextBackOff());
			return new State(this.failures + 1, now.plus(delay), this.execution, delay);
		}

	}

}
