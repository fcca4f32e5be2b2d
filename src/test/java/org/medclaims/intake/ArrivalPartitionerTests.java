package org.medclaims.intake;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medclaims.claims.Arrival;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class ArrivalPartitionerTests {

	@Test
	void workersGetTheHospitalsFirstFilesFirstAndEachHospitalsFilesInArrivalOrder() {
		List<Arrival> arrivals = List.of(arrival(1, "H330282001_20130101_001.clm", "H330282001"),
				arrival(2, "H330282001_20130201_001.clm", "H330282001"),
				arrival(3, "H330282001_20130301_001.clm", "H330282001"),
				arrival(4, "H330282002_20130101_001.clm", "H330282002"),
				arrival(5, "H330282002_20130201_001.clm", "H330282002"), arrival(6, "nonsense.clm", null));

		List<String> order = new ArrivalPartitioner(arrivals).partition(1)
			.values()
			.stream()
			.sorted(ArrivalPartitioner.REQUEST_ORDER)
			.map(c -> c.getString(ArrivalPartitioner.FILE))
			.toList();

		assertThat(order).containsExactly("H330282001_20130101_001.clm", "H330282002_20130101_001.clm", "nonsense.clm",
				"H330282001_20130201_001.clm", "H330282002_20130201_001.clm", "H330282001_20130301_001.clm");
	}

	@Test
	void aPartitionSavedBeforeTurnsWereRecordedKeepsItsArrivalOrder() {
		ExecutionContext old = new ExecutionContext();
		old.putLong(ArrivalPartitioner.ARRIVAL_ID, 7);
		ExecutionContext later = new ExecutionContext();
		later.putLong(ArrivalPartitioner.ARRIVAL_ID, 9);

		assertThat(List.of(later, old).stream().sorted(ArrivalPartitioner.REQUEST_ORDER).toList()).containsExactly(old,
				later);
	}

	private static Arrival arrival(long id, String name, String hospital) {
		return new Arrival(id, 1, name, hospital, null, null, "0".repeat(64), 100, "LOCAL", "/in/" + name,
				Path.of("/in", name), Arrival.Status.RECEIVED, null, null, null, null, null);
	}

}
