package org.medclaims.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Rides out a database that is away for a while: an action that fails on a transient
 * fault ({@link TransientDatabaseFaults}) is tried again with exponential backoff (1 s,
 * doubling, at most 16 s between attempts) for up to
 * {@code medclaims.database.retry-for}, with one log line per attempt. Only an outage
 * longer than that fails, with {@link DatabaseUnavailable}. The budget is the process's,
 * not each action's: it counts from the first failure any thread saw until an action that
 * had failed succeeds (the database answered), so an outage ends every thread's retries
 * within the budget, however many actions wait. A failure after a quiet minute starts a
 * new outage.
 */
@Component
public class DatabaseRetry {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);

	private static final long NONE = Long.MIN_VALUE;

	private final Duration retryFor;

	private final long quietNanos;

	// System.nanoTime() of the first failure of the outage going on, or NONE
	private final AtomicLong outageSince = new AtomicLong(NONE);

	// System.nanoTime() of the last failure any thread saw
	private final AtomicLong lastFailure = new AtomicLong(NONE);

	@Autowired
	DatabaseRetry(Settings settings) {
		this(settings, Duration.ofMinutes(1));
	}

	// quiet: longer than the longest backoff (16 s) and a pool's connection timeout (30 s
	// by default)
	DatabaseRetry(Settings settings, Duration quiet) {
		this.retryFor = settings.retryFor();
		this.quietNanos = quiet.toNanos();
	}

	/**
	 * {@code medclaims.database.*}. @param retryFor how long a database outage is ridden
	 * out
	 */
	@ConfigurationProperties("medclaims.database")
	public record Settings(@DefaultValue("2m") Duration retryFor) {
	}

	public Duration retryFor() {
		return this.retryFor;
	}

	/**
	 * Runs {@code action}, again after each transient database fault, until it succeeds
	 * or the budget is spent.
	 */
	public <T> T call(String what, Supplier<T> action) {
		try {
			return execute(what, action::get);
		}
		catch (RetryException ex) {
			throw failure(what, ex.getLastException());
		}
	}

	/**
	 * Runs {@code action} under {@link #policy}. Its success after a failure ends the
	 * outage for every thread; a success without one proves nothing (the action may not
	 * have reached the database).
	 */
	public <T> T execute(String what, Retryable<T> action) throws RetryException {
		boolean[] failed = { false };
		T result = new RetryTemplate(policy(what)).execute(() -> {
			try {
				return action.execute();
			}
			catch (Throwable ex) {
				failed[0] = true;
				throw ex;
			}
		});
		if (failed[0]) {
			this.outageSince.set(NONE);
		}
		return result;
	}

	public void run(String what, Runnable action) {
		call(what, () -> {
			action.run();
			return null;
		});
	}

	/**
	 * A fresh policy for one action: backoff from 1 s, within what is left of the
	 * outage's budget.
	 */
	private RetryPolicy policy(String what) {
		ExponentialBackOff exponential = new ExponentialBackOff(1_000, 2.0);
		exponential.setMaxInterval(16_000);
		return RetryPolicy.builder()
			.backOff(new Logged(exponential, what))
			.predicate(TransientDatabaseFaults::isTransient)
			.build();
	}

	// what is left of the budget of the outage going on, which starts now if none is
	private long leftMillis() {
		long now = System.nanoTime();
		long last = this.lastFailure.getAndSet(now);
		if (last == NONE || now - last > this.quietNanos) {
			this.outageSince.set(now);
		}
		else {
			this.outageSince.compareAndSet(NONE, now);
		}
		return this.retryFor.toMillis() - Duration.ofNanos(now - this.outageSince.get()).toMillis();
	}

	/** What an outage longer than the budget says, in one sentence. */
	public RuntimeException failure(String what, Throwable last) {
		if (last != null && TransientDatabaseFaults.isTransient(last)) {
			return new DatabaseUnavailable(
					"The database was unavailable for longer than " + format(this.retryFor)
							+ " (medclaims.database.retry-for) while " + what + ": " + OperatorMessages.describe(last)
							+ " Nothing was half done: once PostgreSQL answers, restart the execution or run again.",
					last);
		}
		return (last instanceof RuntimeException runtime) ? runtime : new IllegalStateException(last);
	}

	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds % 60 == 0 && seconds >= 60) ? (seconds / 60) + " min" : seconds + " s";
	}

	/** The database stayed away longer than medclaims.database.retry-for. */
	public static class DatabaseUnavailable extends OperatorMistake {

		DatabaseUnavailable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * Says, before each wait, that the database is unavailable and when the next attempt
	 * comes.
	 */
	private final class Logged implements BackOff {

		private final BackOff backOff;

		private final String what;

		Logged(BackOff backOff, String what) {
			this.backOff = backOff;
			this.what = what;
		}

		@Override
		public BackOffExecution start() {
			BackOffExecution execution = this.backOff.start();
			return () -> {
				long left = leftMillis();
				if (left <= 0) {
					return BackOffExecution.STOP;
				}
				long next = Math.min(execution.nextBackOff(), left);
				// whole seconds, rounded up: a wait of what is left of the budget is
				// shorter than 1 s
				log.warn("Database unavailable while {}, retrying in {} s", this.what, (next + 999) / 1000);
				return next;
			};
		}

	}

}
