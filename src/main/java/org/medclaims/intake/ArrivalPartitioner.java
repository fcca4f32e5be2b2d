package org.medclaims.intake;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per arrival of the batch, named after its file and arrival id: a restart finds the
 * same names (the arrivals of a batch never change) and re-runs only the files not completed.
 */
class ArrivalPartitioner implements Partitioner, PartitionNameProvider {

	static final String ARRIVAL_ID = "arrival.id";

	static final String FILE = "file";

	static final String CHAIN = "chain";

	// a partition's step name is 'takeFile:<name>' in a column of 100 characters
	private static final int NAME_CHARS = 60;

	private final List<Arrival> arrivals;

	ArrivalPartitioner(List<Arrival> arrivals) {
		this.arrivals = arrivals;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (Arrival arrival : this.arrivals) {
			ExecutionContext context = new ExecutionContext();
			context.putLong(ARRIVAL_ID, arrival.id());
			context.putString(FILE, arrival.fileName());
			context.putString(CHAIN, arrival.chain());
			partitions.put(name(arrival), context);
		}
		return partitions;
	}

	@Override
	public Collection<String> getPartitionNames(int gridSize) {
		return this.arrivals.stream().map(ArrivalPartitioner::name).toList();
	}

	static String name(Arrival arrival) {
		String file = arrival.fileName();
		if (file.length() > NAME_CHARS) {
			file = file.substring(0, NAME_CHARS - 1) + "…";
		}
		return file + "#" + arrival.id();
	}

}
