package org.medclaims.accounts;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credits and rollovers (interfaces.md): {@code medclaims.credits-dir} (unset:
 * {@code run-once} imports no credits), {@code medclaims.rollover.cron} (unset: no
 * scheduled rollover), {@code medclaims.time-zone} (the calendar people read: when a year
 * ends, the dates of the reversal report), and {@code medclaims.accounts.chunk-size}, the
 * persons or credit rows per transaction of both jobs.
 */
@ConfigurationProperties("medclaims")
public record AccountsProperties(Path creditsDir, @DefaultValue("Asia/Shanghai") String timeZone,
		@DefaultValue Rollover rollover, @DefaultValue Accounts accounts) {

	public AccountsProperties {
		try {
			ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(
					"medclaims.time-zone '" + timeZone + "' is not a time zone such as" + " Asia/Shanghai.", ex);
		}
		if (accounts.chunkSize() < 1) {
			throw new IllegalArgumentException("medclaims.accounts.chunk-size must be at least 1");
		}
	}

	public ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

	/**
	 * @param cron when {@code serve} rolls over the year that just ended; null: never
	 */
	public record Rollover(String cron) {
	}

	public record Accounts(@DefaultValue("500") int chunkSize) {
	}

}
