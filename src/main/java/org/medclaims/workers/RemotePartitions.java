package org.medclaims.workers;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Conditional;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * Builds the manager side of a partitioned step whose partitions run on worker processes:
 * Spring Batch's remote partitioning in polling mode. The requests go to the broker in
 * the order given, and the manager reads the partitions' progress from the job
 * repository, so it keeps nothing in memory that a restart would need.
 */
@Component
@Conditional(WorkersUsed.Manager.class)
public class RemotePartitions {

	private final JobRepository jobRepository;

	private final MessageChannel requests;

	private final WorkersProperties properties;

	RemotePartitions(JobRepository jobRepository, @Qualifier(PartitionMessaging.REQUESTS) MessageChannel requests,
			WorkersProperties properties) {
		this.jobRepository = jobRepository;
		this.requests = requests;
		this.properties = properties;
	}

	/**
	 * @param order the order the partitions' requests are sent in (their execution
	 * contexts say which comes first)
	 */
	public Step managerStep(String name, String workerStepName, Partitioner partitioner, int gridSize,
			Comparator<StepExecution> order) {
		SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(this.jobRepository, workerStepName,
				partitioner) {
			@Override
			public Set<StepExecution> split(StepExecution stepExecution, int gridSize) throws JobExecutionException {
				Set<StepExecution> ordered = new LinkedHashSet<>();
				super.split(stepExecution, gridSize).stream().sorted(order).forEach(ordered::add);
				return ordered;
			}
		};
		return new RemotePartitioningManagerStepBuilder(name, this.jobRepository)
			.partitioner(workerStepName, partitioner)
			.splitter(splitter)
			.gridSize(gridSize)
			.outputChannel(this.requests)
			.pollInterval(this.properties.pollInterval().toMillis())
			.build();
	}

	public int gridSize() {
		return this.properties.partitions();
	}

}
