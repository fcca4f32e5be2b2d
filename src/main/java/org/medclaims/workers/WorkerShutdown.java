package org.medclaims.workers;

import java.time.Instant;

import org.medclaims.system.StepHandBacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * A stopping worker (SIGTERM) hands its partitions back before its consumers stop: each
 * finishes the chunk it is in, is recorded as waiting again and sent again, and the next
 * worker resumes it from that commit.
 */
@Component
@Conditional(WorkersUsed.Worker.class)
class WorkerShutdown implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WorkerShutdown.class);

	private final PartitionWorker worker;

	private final WorkersProperties properties;

	private volatile boolean running;

	WorkerShutdown(PartitionWorker worker, WorkersProperties properties) {
		this.worker = worker;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.worker.running().forEach(partition -> {
			log.info("Stopping: partition {} (step execution {}) finishes its chunk and is handed back",
					partition.getStepName(), partition.getId());
			StepHandBacks.handBack(partition);
		});
		Instant deadline = Instant.now().plus(this.properties.heartbeatTimeout());
		while (!this.worker.running().isEmpty() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100); // a chunk is short; the consumers stop once this
									// returns
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// stopped before the consumers (higher phases stop first)
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 10;
	}

}
