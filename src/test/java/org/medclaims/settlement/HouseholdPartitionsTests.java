package org.medclaims.settlement;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partitions follow the grid size Spring Batch hands over, which on a restart is the
 * one the first execution saved: a partitions setting changed between a crash and its
 * restart cannot make two partitions share households or leave some out.
 */
class HouseholdPartitionsTests {

	@Test
	void eachPartitionTakesTheHouseholdsOfItsRemainderModuloTheGridSize() {
		Map<String, ExecutionContext> partitions = SettlementJobConfiguration.householdPartitions(3);

		assertThat(partitions).containsOnlyKeys("households0", "households1", "households2");
		assertThat(partitions.values()).allSatisfy(c -> assertThat(c.getInt("partitions")).isEqualTo(3));
		assertThat(partitions.values().stream().map(c -> c.getInt("partition"))).containsExactlyInAnyOrder(0, 1, 2);
		assertThat(partitions.get("households2").getInt("partition")).isEqualTo(2);
	}

}
