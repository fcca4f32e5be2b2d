package org.medclaims.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.TaskExecutor;

/**
 * Runs the file partitions of a batch on local threads: the files of one hospital one
 * after another, in arrival order, in one thread; different hospitals in parallel. The
 * hospitals with the most files start first, so the threads end together.
 */
class HospitalOrderPartitionHandler extends AbstractPartitionHandler {

	private final Step step;

	private final TaskExecutor taskExecutor;

	HospitalOrderPartitionHandler(Step step, TaskExecutor taskExecutor) {
		this.step = step;
		this.taskExecutor = taskExecutor;
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution managerStepExecution,
			Set<StepExecution> partitionStepExecutions) throws Exception {
		Map<String, List<StepExecution>> chains = new LinkedHashMap<>();
		partitionStepExecutions.stream()
			.sorted(Comparator.comparingLong(s -> s.getExecutionContext().getLong(ArrivalPartitioner.ARRIVAL_ID)))
			.forEach(s -> chains
				.computeIfAbsent(s.getExecutionContext().getString(ArrivalPartitioner.CHAIN),
						chain -> new ArrayList<>())
				.add(s));
		List<Future<List<StepExecution>>> running = new ArrayList<>();
		chains.values()
			.stream()
			.sorted(Comparator.comparingInt((List<StepExecution> chain) -> chain.size()).reversed())
			.forEach(chain -> {
				FutureTask<List<StepExecution>> task = new FutureTask<>(() -> {
					for (StepExecution file : chain) {
						this.step.execute(file);
					}
					return chain;
				});
				this.taskExecutor.execute(task);
				running.add(task);
			});
		Set<StepExecution> result = new HashSet<>();
		for (Future<List<StepExecution>> chain : running) {
			result.addAll(chain.get());
		}
		return result;
	}

}
