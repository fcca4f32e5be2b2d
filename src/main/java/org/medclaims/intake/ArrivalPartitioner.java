package org.medclaims.intake;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medclaims.claims.Arrival;

import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per arrival of the batch, named after its file and arrival id: a restart
 * finds the same names (the arrivals of a batch never change) and re-runs only the files
 * not completed.
 */
class ArrivalPartitioner implements Partitioner, PartitionNameProvider {

	static final String ARRIVAL_ID = "arrival.id";

	static final String FILE = "file";

	static final String CHAIN = "chain";

	/** The file's place among its hospital's files of the batch: 0 for the first. */
	static final String TURN = "turn";

	/**
	 * The order requests go to workers in: the hospitals' first files, then their second
	 * files, each round in arrival order. Workers taking requests together then get
	 * different hospitals' files, not one hospital's next file, which would wait for the
	 * one before it.
	 */
	static final Comparator<ExecutionContext> REQUEST_ORDER = Comparator
		.<ExecutionContext>comparingInt(c -> c.getInt(TURN, 0))
		.thenComparingLong(c -> c.getLong(ARRIVAL_ID));

	// a partition's step name is 'takeFile:<name>' in a column of 100 characters
	private static final int NAME_CHARS = 60;

	private final List<Arrival> arrivals;

	ArrivalPartitioner(List<Arrival> arrivals) {
		this.arrivals = arrivals;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		Map<String, Integer> turns = new HashMap<>();
		for (Arrival arrival : this.arrivals) {
			ExecutionContext context = new ExecutionContext();
			context.putLong(ARRIVAL_ID, arrival.id());
			context.putString(FILE, arrival.fileName());
			context.putString(CHAIN, chain(arrival));
			context.putInt(TURN, turns.merge(chain(arrival), 1, Integer::sum) - 1);
			partitions.put(name(arrival), context);
		}
		return partitions;
	}

	@Override
	public Collection<String> getPartitionNames(int gridSize) {
		return this.arrivals.stream().map(ArrivalPartitioner::name).toList();
	}

	/**
	 * The files of one hospital are taken in one after another, in arrival order, so that
	 * claim numbers, F_DUPLICATE and F_SEQUENCE are decided as by one sequential intake;
	 * a file whose name gives no hospital is rejected whatever came before it and goes
	 * alone.
	 */
	static String chain(Arrival arrival) {
		return (arrival.hospitalCode() != null) ? arrival.hospitalCode() : "arrival " + arrival.id();
	}

	static String name(Arrival arrival) {
		String file = arrival.fileName();
		if (file.length() > NAME_CHARS) {
			file = file.substring(0, NAME_CHARS - 1) + "…";
		}
		return file + "#" + arrival.id();
	}

}
