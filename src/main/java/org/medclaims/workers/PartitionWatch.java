package org.medclaims.workers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.medclaims.operations.PartitionOwners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * In a manager: fails the partitions no worker runs any more, so their job ends FAILED
 * and a restart sends them again. A partition running (STARTED) whose worker has not said
 * it is alive for {@code medclaims.workers.heartbeat-timeout} is taken for dead (no PID
 * check reaches another host); while the broker cannot be reached for that long, the
 * partitions still waiting (STARTING) are failed too, since their requests may be lost.
 */
@Component
@Conditional(WorkersUsed.Manager.class)
class PartitionWatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PartitionWatch.class);

	private static final List<String> PARTITIONED_JOBS = List.of("claimIntakeJob", "settlementJob");

	private final JobRepository jobRepository;

	private final PartitionOwners owners;

	private final ConnectionFactory broker;

	private final Duration timeout;

	private ScheduledExecutorService watch;

	private Instant brokerAwaySince;

	PartitionWatch(JobRepository jobRepository, PartitionOwners owners, ConnectionFactory broker,
			WorkersProperties properties) {
		this.jobRepository = jobRepository;
		this.owners = owners;
		this.broker = broker;
		this.timeout = properties.heartbeatTimeout();
	}

	@Override
	public synchronized void start() {
		this.watch = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "partition-watch");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(500, this.timeout.toMillis() / 6);
		this.watch.scheduleWithFixedDelay(this::look, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.watch != null) {
			this.watch.shutdownNow();
			this.watch = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.watch != null;
	}

	void look() {
		try {
			Optional<Duration> brokerAway = brokerAway();
			for (String job : PARTITIONED_JOBS) {
				for (JobExecution running : this.jobRepository.findRunningJobExecutions(job)) {
					JobExecution execution = this.jobRepository.getJobExecution(running.getId());
					if (execution != null) {
						execution.getStepExecutions().forEach(partition -> judge(partition, brokerAway));
					}
				}
			}
		}
		catch (RuntimeException ex) {
			log.debug("Partition watch: {}", ex.getMessage());
		}
	}

	private void judge(StepExecution partition, Optional<Duration> brokerAway) {
		if (!partition.getStepName().contains(":") || !partition.getStatus().isRunning()) {
			return;
		}
		if (partition.getStatus() == BatchStatus.STARTING) {
			if (brokerAway.isPresent() && brokerAway.get().compareTo(this.timeout) > 0) {
				fail(partition, "the message broker could not be reached for " + brokerAway.get().toSeconds()
						+ " s, so its request may be lost");
			}
			return;
		}
		Optional<PartitionOwners.Silence> silence = this.owners.silence(partition.getId());
		if (silence.isPresent() && silence.get().since().compareTo(this.timeout) > 0) {
			fail(partition,
					"its worker " + silence.get().owner() + " has not said it is alive since "
							+ silence.get().lastHeartbeat() + " (medclaims.workers.heartbeat-timeout "
							+ this.timeout.toSeconds() + " s)");
		}
		else if (silence.isEmpty() && partition.getLastUpdated() != null
				&& partition.getLastUpdated().plus(this.timeout).isBefore(LocalDateTime.now())) {
			fail(partition, "no worker recorded that it runs it since " + partition.getLastUpdated());
		}
	}

	private void fail(StepExecution partition, String why) {
		partition.setStatus(BatchStatus.FAILED);
		partition.setEndTime(LocalDateTime.now());
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription("Partition " + partition.getStepName()
				+ " failed: " + why + ". Restart the execution: only its unfinished partitions are sent again."));
		try {
			this.jobRepository.update(partition);
			log.error("Partition {} (step execution {}) failed: {}", partition.getStepName(), partition.getId(), why);
		}
		catch (OptimisticLockingFailureException ex) {
			// its worker answered meanwhile: judged again at the next look
		}
	}

	private Optional<Duration> brokerAway() {
		try (Connection connection = this.broker.createConnection()) {
			if (connection.isOpen()) {
				this.brokerAwaySince = null;
				return Optional.empty();
			}
		}
		catch (RuntimeException ex) {
			// away
		}
		if (this.brokerAwaySince == null) {
			this.brokerAwaySince = Instant.now();
			log.warn("The message broker cannot be reached: partitions waiting for a worker are failed after {} s",
					this.timeout.toSeconds());
		}
		return Optional.of(Duration.between(this.brokerAwaySince, Instant.now()));
	}

}
