package org.medclaims.operations;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Records which process runs each partition (a worker, or this process's own threads) and
 * says, every {@code medclaims.workers.heartbeat-timeout} / 3, that it is still alive: a
 * manager on another host cannot check a PID, so a partition whose heartbeat stops is
 * taken for dead.
 */
@Component
public class PartitionHeartbeat implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(PartitionHeartbeat.class);

	private final PartitionOwners owners;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "partition-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	PartitionHeartbeat(PartitionOwners owners,
			@org.springframework.beans.factory.annotation.Value("${medclaims.workers.heartbeat-timeout:30s}") java.time.Duration timeout) {
		this.owners = owners;
		long every = Math.max(200, timeout.toMillis() / 3);
		this.beat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.owners.take(stepExecution.getId());
		this.running.add(stepExecution.getId());
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		this.running.remove(stepExecution.getId());
		return null;
	}

	private void beat() {
		try {
			this.owners.heartbeat(Set.copyOf(this.running));
		}
		catch (RuntimeException ex) {
			// the database is away: the next beat tries again, and a long silence is what
			// the manager sees
			log.debug("Heartbeat of {} partitions not recorded: {}", this.running.size(), ex.getMessage());
		}
	}

	@PreDestroy
	void stop() {
		this.beat.shutdownNow();
	}

}
