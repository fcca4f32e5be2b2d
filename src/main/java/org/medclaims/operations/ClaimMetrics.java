package org.medclaims.operations;

import java.util.List;
import java.util.function.LongSupplier;

import org.medclaims.claims.Arrival;
import org.medclaims.claims.ClaimStatus;
import org.medclaims.claims.ClaimTotals;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Files and claims by outcome, read from their tables at each scrape, so the figures
 * survive restarts and count every process's work: {@code medclaims.claim.files{status}},
 * {@code medclaims.claims{status}}. Job and step timings come from Spring Batch's own
 * observations ({@code spring.batch.job}, {@code spring.batch.step}).
 */
@Component
class ClaimMetrics implements MeterBinder {

	private final ClaimTotals totals;

	ClaimMetrics(ClaimTotals totals) {
		this.totals = totals;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Arrival.Status status : List.of(Arrival.Status.RECEIVED, Arrival.Status.ACCEPTED,
				Arrival.Status.REJECTED)) {
			Gauge.builder("medclaims.claim.files", () -> count(() -> this.totals.files(status)))
				.tag("status", status.name())
				.description("Claim files by outcome")
				.register(registry);
		}
		for (ClaimStatus status : ClaimStatus.values()) {
			Gauge.builder("medclaims.claims", () -> count(() -> this.totals.claims(status)))
				.tag("status", status.name())
				.description("Claims by outcome")
				.register(registry);
		}
	}

	// a scrape while the database is away shows no figure rather than failing
	private static double count(LongSupplier count) {
		try {
			return count.getAsLong();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
