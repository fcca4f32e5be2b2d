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
		attemptsUntilGivingUp(this.retry);

		// the same outage: the next action, in whatever thread, is not given a budget of
		// its own
		assertThat(attemptsUntilGivingUp(this.retry)).isOne();
	}

	@Test
	void aSuccessAfterAFailureEndsTheOutageAndTheNextOneHasTheWholeBudget() {
		AtomicInteger first = new AtomicInteger();
		this.retry.run("the database came back", () -> {
			if (first.incrementAndGet() < 3) {
				throw connectionLost();
			}
		});

		assertThat(attemptsUntilGivingUp(this.retry)).isEqualTo(3);
	}

	@Test
	void aSuccessThatNeverFailedDoesNotEndTheOutage() {
		attemptsUntilGivingUp(this.retry);
		// (a step that ended FAILED on its own returns normally, without reaching the
		// database)
		this.retry.run("something that did not reach the database", () -> {
		});

		assertThat(attemptsUntilGivingUp(this.retry)).isOne();
	}

	@Test
	void aFailureAfterAQuietSpellStartsANewOutage() throws InterruptedException {
		DatabaseRetry quickToForget = new DatabaseRetry(new DatabaseRetry.Settings(Duration.ofMillis(1500)),
				Duration.ofMillis(1500)); // longer than the 1 s between the first
											// action's attempts
		attemptsUntilGivingUp(quickToForget);
		Thread.sleep(1700); // longer than the quiet spell: nothing tried the database
							// meanwhile

		assertThat(attemptsUntilGivingUp(quickToForget)).isEqualTo(3);
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

	// an action that never reaches the database: how often it was tried before the retry
	// gave up
	private static int attemptsUntilGivingUp(DatabaseRetry retry) {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> retry.run("the action ran", () -> {
			attempts.incrementAndGet();
			throw connectionLost();
		})).isInstanceOf(DatabaseRetry.DatabaseUnavailable.class);
		return attempts.get();
	}

	private static RuntimeException connectionLost() {
		return new DataAccessResourceFailureException("lost", new SQLException("connection refused", "08001"));
	}

}
