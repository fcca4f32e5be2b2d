package org.medclaims.settlement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How settlement runs: the nightly schedule of {@code serve}, households per chunk, and
 * how many partitions (threads) settle households side by side. None of them changes a
 * result; a restart keeps the partitions of the execution it restarts.
 */
@ConfigurationProperties("medclaims.settlement")
public record SettlementProperties(@DefaultValue("0 0 2 * * *") String cron, @DefaultValue("500") int chunkSize,
		@DefaultValue("2") int partitions) {

	public SettlementProperties {
		if (chunkSize < 1 || partitions < 1) {
			throw new IllegalArgumentException("medclaims.settlement.chunk-size and .partitions must be at least 1");
		}
	}

}
