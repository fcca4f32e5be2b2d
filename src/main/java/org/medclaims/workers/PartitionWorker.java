package org.medclaims.workers;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.medclaims.system.StepHandBacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Runs the partitions a worker receives (what Spring Batch's StepExecutionRequestHandler
 * does, with two guards): a request whose partition is no longer waiting (run already,
 * failed by a manager, stopped) is acknowledged and left alone, since a broker may
 * deliver a request twice; a partition this worker hands back on its way out is sent
 * again for the next worker.
 */
@Component
@Conditional(WorkersUsed.Worker.class)
class PartitionWorker {

	private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

	private final JobRepository jobRepository;

	private final BeanFactory steps;

	private final AmqpTemplate broker;

	private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();

	PartitionWorker(JobRepository jobRepository, BeanFactory steps, AmqpTemplate broker) {
		this.jobRepository = jobRepository;
		this.steps = steps;
		this.broker = broker;
	}

	/**
	 * Runs the requested partition to its end (or to its hand-back); the request is
	 * acknowledged after.
	 */
	public void run(StepExecutionRequest request) {
		StepExecution partition = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (partition == null) {
			log.warn("Partition request for step execution {} ({}): no such execution, left alone",
					request.getStepExecutionId(), request.getStepName());
			return;
		}
		if (!partition.getStepName().startsWith(request.getStepName() + ":")) {
			log.warn(
					"Partition request for step execution {} names step {}, but that execution is {}: left alone (a"
							+ " request of another database's queue?)",
					partition.getId(), request.getStepName(), partition.getStepName());
			return;
		}
		if (partition.getStatus() != BatchStatus.STARTING) {
			log.info("Partition {} (step execution {}) is {} already: the request is left alone",
					partition.getStepName(), partition.getId(), partition.getStatus());
			return;
		}
		Step step = this.steps.getBean(request.getStepName(), Step.class);
		log.info("Running partition {} (step execution {}, job execution {})", partition.getStepName(),
				partition.getId(), partition.getJobExecutionId());
		this.running.add(partition);
		try {
			step.execute(partition);
		}
		catch (JobInterruptedException ex) {
			partition.setStatus(BatchStatus.STOPPED);
			this.jobRepository.update(partition);
		}
		catch (RuntimeException ex) {
			partition.addFailureException(ex);
			partition.setStatus(BatchStatus.FAILED);
			this.jobRepository.update(partition);
		}
		finally {
			this.running.remove(partition);
		}
		if (StepHandBacks.handedBack(partition.getId())) {
			this.broker.convertAndSend(WorkersProperties.QUEUE, request);
			log.info("Partition {} (step execution {}) handed back at its last commit, for the next worker",
					partition.getStepName(), partition.getId());
		}
		else {
			log.info("Partition {} (step execution {}) ended {}", partition.getStepName(), partition.getId(),
					partition.getStatus());
		}
	}

	/** The partitions running now: handed back when this worker stops. */
	Set<StepExecution> running() {
		return Set.copyOf(this.running);
	}

}
