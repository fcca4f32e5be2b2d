package org.medclaims.intake.sftp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponential backoff per target (the server, one inbox, one outbox): after n failures in a row
 * the next attempt waits {@code base × 2^(n-1)}, at most {@code max}; a success resets it.
 */
class Backoff {

	private final Duration base;

	private final Duration max;

	private final Clock clock;

	private final Map<String, State> states = new ConcurrentHashMap<>();

	Backoff(Duration base, Duration max, Clock clock) {
		this.base = base;
		this.max = max.compareTo(base) < 0 ? base : max;
		this.clock = clock;
	}

	boolean due(String target) {
		State state = this.states.get(target);
		return state == null || !this.clock.instant().isBefore(state.next());
	}

	/** Records a failure; returns how long until the next attempt. */
	Duration failed(String target) {
		State state = this.states.merge(target, new State(1, Instant.MIN),
				(old, one) -> new State(old.failures() + 1, Instant.MIN));
		Duration wait = this.base;
		for (int i = 1; i < state.failures() && wait.compareTo(this.max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		wait = wait.compareTo(this.max) > 0 ? this.max : wait;
		this.states.put(target, new State(state.failures(), this.clock.instant().plus(wait)));
		return wait;
	}

	void succeeded(String target) {
		this.states.remove(target);
	}

	int failures(String target) {
		State state = this.states.get(target);
		return state == null ? 0 : state.failures();
	}

	private record State(int failures, Instant next) {
	}

}
