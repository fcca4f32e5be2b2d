package org.medclaims.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.medclaims.policy.PolicyBook;

import org.springframework.stereotype.Component;

/**
 * When a year may be rolled over (accounts.md): once, in order, from the year of the
 * earliest policy version on, and only once it has ended in {@code medclaims.time-zone}.
 * A year whose rollover began and did not finish may always go on.
 */
@Component
class RolloverRules {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final RolloverRecords records;

	private final PolicyBook policies;

	private final Clock clock;

	private final ZoneId zone;

	RolloverRules(RolloverRecords records, PolicyBook policies, Clock clock, AccountsProperties properties) {
		this.records = records;
		this.policies = policies;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/** Why the year may not be rolled over now, in one sentence; empty when it may. */
	Optional<String> refusal(int year) {
		Optional<YearRolledOver> begun = this.records.find(year);
		if (begun.isPresent()) {
			YearRolledOver done = begun.get();
			return done.finished() ? Optional.of(year + " was rolled over on "
					+ WHEN.format(done.finishedAt().atZone(this.zone)) + " by execution " + done.finishedBy() + ".")
					: Optional.empty();
		}
		int first = firstYear();
		if (year < first) {
			return Optional.of(year + " comes before " + first + ", the year of the earliest policy version: the first"
					+ " year to roll over is " + first + ".");
		}
		if (year >= LocalDate.now(this.clock.withZone(this.zone)).getYear()) {
			return Optional.of(year + " has not ended yet: roll it over from 1 January " + (year + 1) + " on.");
		}
		Optional<YearRolledOver> latest = this.records.latest();
		if (latest.isPresent() && !latest.get().finished()) {
			return Optional.of("The rollover of " + latest.get().year() + " (execution " + latest.get().begunBy()
					+ ") has not finished: finish it with 'rollover " + latest.get().year() + "' before rolling over "
					+ year + ".");
		}
		int next = latest.map(y -> y.year() + 1).orElse(first);
		if (year != next) {
			return Optional.of("Years are rolled over in order: roll over " + next + " before " + year + ".");
		}
		return Optional.empty();
	}

	/** The year of the earliest policy version: no account existed before it. */
	int firstYear() {
		return this.policies.earliestEffectiveDate().getYear();
	}

	/** The year that ended last, in {@code medclaims.time-zone}. */
	int lastEndedYear() {
		return LocalDate.now(this.clock.withZone(this.zone)).getYear() - 1;
	}

}
