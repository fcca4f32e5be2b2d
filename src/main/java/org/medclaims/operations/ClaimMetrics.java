package org.medclaims.operations;

import java.util.List;

import org.medclaims.claims.ClaimStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Files and claims by outcome, read from their tables at each scrape, so the figures
 * survive restarts and count every process's work: {@code medclaims.claim.files{status}},
 * {@code medclaims.claims{status}}. Job and step timings come from Spring Batch's own
 * observations ({@code spring.batch.job}, {@code spring.batch.step}).
 */
@Component
class ClaimMetrics implements MeterBinder {

	private final JdbcTemplate jdbc;

	ClaimMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String status : List.of("RECEIVED", "ACCEPTED", "REJECTED")) {
			Gauge.builder("medclaims.claim.files", () -> count("claim_file", status))
				.tag("status", status)
				.description("Claim files by outcome")
				.register(registry);
		}
		for (ClaimStatus status : ClaimStatus.values()) {
			Gauge.builder("medclaims.claims", () -> count("claim", status.name()))
				.tag("status", status.name())
				.description("Claims by outcome")
				.register(registry);
		}
	}

	private double count(String table, String status) {
		try {
			return this.jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE status = ?", Long.class, status);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
