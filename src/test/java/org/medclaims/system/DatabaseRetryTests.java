package org.medclaims.system;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseRetryTests {

	// 1 s, then the 0.5 s left: three attempts in all
	private final DatabaseRetry retry = new DatabaseRetry(new DatabaseRetry.Settings(Duration.ofMillis(1500)));

	@Test
	void aFaultThatPassesWithinTheBudgetIsRiddenOut() {
		AtomicInteger attempts = new AtomicInteger();

		String result = this.retry.call("the test ran", () -> {
			if (attempts.incrementAndGet() < 3) {
				throw connectionLost();
			}
			return "done";
		});

		assertThat(result).isEqualTo("done");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void anOutageLongerThanTheBudgetFailsWithASentence() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatThrownBy(() -> this.retry.run("the test ran", () -> {
			attempts.incrementAndGet();
			throw connectionLost();
		})).isInstanceOf(DatabaseRetry.DatabaseUnavailable.class)
			.hasMessageStartingWith("The database was unavailable for longer than 1 s (medclaims.database.retry-for)"
					+ " while the test ran:");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void theBudgetIsTheOutagesNotEachActions() {
		assertThatThrownBy(() -> this.retry.run("the first action ran", () -> {
			throw connectionLost();
		})).isInstanceOf(DatabaseRetry.DatabaseUnavailable.class);
		AtomicInteger attempts = new AtomicInteger();

		// the same outage: the next action, in whatever thread, is not given a budget of its own
		assertThatThrownBy(() -> this.retry.run("the next action ran", () -> {
			attempts.incrementAndGet();
			throw connectionLost();
		})).isInstanceOf(DatabaseRetry.DatabaseUnavailable.class);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void aSuccessEndsTheOutageAndTheNextOneHasTheWholeBudget() {
		assertThatThrownBy(() -> this.retry.run("the first action ran", () -> {
			throw connectionLost();
		})).isInstanceOf(DatabaseRetry.DatabaseUnavailable.class);
		this.retry.run("the database answered", () -> {
		});
		AtomicInteger attempts = new AtomicInteger();

		this.retry.run("the next action ran", () -> {
			if (attempts.incrementAndGet() < 2) {
				throw connectionLost();
			}
		});

		assertThat(attempts).hasValue(2);
	}

	@Test
	void aBadStatementIsNotTriedAgain() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatThrownBy(() -> this.retry.run("the test ran", () -> {
			attempts.incrementAndGet();
			throw new DataIntegrityViolationException("duplicate key");
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(attempts).hasValue(1);
	}

	private static RuntimeException connectionLost() {
		return new DataAccessResourceFailureException("lost", new SQLException("connection refused", "08001"));
	}

}
