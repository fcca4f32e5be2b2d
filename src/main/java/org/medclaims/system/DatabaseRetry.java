package org.medclaims.system;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Rides out a database that is away for a while: an action that fails on a transient fault
 * ({@link TransientDatabaseFaults}) is tried again with exponential backoff (1 s, doubling, at most
 * 16 s between attempts) for up to {@code medclaims.database.retry-for}, with one log line per attempt.
 * Only an outage longer than that fails, with {@link DatabaseUnavailable}.
 */
@Component
public class DatabaseRetry {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);

	private final Duration retryFor;

	DatabaseRetry(Settings settings) {
		this.retryFor = settings.retryFor();
	}

	/** {@code medclaims.database.*}. @param retryFor how long a database outage is ridden out */
	@ConfigurationProperties("medclaims.database")
	public record Settings(@DefaultValue("2m") Duration retryFor) {
	}

	public Duration retryFor() {
		return this.retryFor;
	}

	/** Runs {@code action}, again after each transient database fault, until it succeeds or the budget is spent. */
	public <T> T call(String what, Supplier<T> action) {
		try {
			return template(what).execute(action::get);
		}
		catch (RetryException ex) {
			throw failure(what, ex.getLastException());
		}
	}

	public void run(String what, Runnable action) {
		call(what, () -> {
			action.run();
			return null;
		});
	}

	/** A fresh policy for one action: its backoff counts the time since this action's first failure. */
	public RetryPolicy policy(String what) {
		ExponentialBackOff exponential = new ExponentialBackOff(1_000, 2.0);
		exponential.setMaxInterval(16_000);
		exponential.setMaxElapsedTime(this.retryFor.toMillis());
		return RetryPolicy.builder()
			.backOff(new Logged(exponential, what))
			.predicate(TransientDatabaseFaults::isTransient)
			.build();
	}

	/** What an outage longer than the budget says, in one sentence. */
	public RuntimeException failure(String what, Throwable last) {
		if (last != null && TransientDatabaseFaults.isTransient(last)) {
			return new DatabaseUnavailable("The database was unavailable for longer than " + format(this.retryFor)
					+ " (medclaims.database.retry-for) while " + what + ": " + OperatorMessages.describe(last)
					+ " Nothing was half done: once PostgreSQL answers, restart the execution or run again.", last);
		}
		return (last instanceof RuntimeException runtime) ? runtime : new IllegalStateException(last);
	}

	private RetryTemplate template(String what) {
		return new RetryTemplate(policy(what));
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

	/** Says, before each wait, that the database is unavailable and when the next attempt comes. */
	private record Logged(BackOff backOff, String what) implements BackOff {

		@Override
		public BackOffExecution start() {
			BackOffExecution execution = this.backOff.start();
			return () -> {
				long next = execution.nextBackOff();
				if (next != BackOffExecution.STOP) {
					log.warn("Database unavailable while {}, retrying in {}", this.what, format(Duration.ofMillis(next)));
				}
				return next;
			};
		}

	}

}
