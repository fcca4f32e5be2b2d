package org.medclaims.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.medclaims.operations.ExecutionOwner;
import org.medclaims.system.MedclaimsProperties;
import org.medclaims.system.OperatorMistake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code worker}: runs the intake and settlement partitions a manager sends over the
 * broker, until it is stopped (SIGTERM: the partitions running finish their current chunk
 * and are handed back). No web server, no poller, no schedule. It refuses to start, with
 * one sentence, when it cannot reach the broker or the shared folders the claim files lie
 * in.
 */
@Component
@Conditional(WorkersUsed.Worker.class)
class WorkerCommand implements org.medclaims.system.Command {

	static final String NAME = "worker";

	private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

	private final ConnectionFactory broker;

	private final MedclaimsProperties folders;

	private final ApplicationContext context;

	private final WorkersProperties properties;

	private final CountDownLatch stopped = new CountDownLatch(1);

	WorkerCommand(ConnectionFactory broker, MedclaimsProperties folders, ApplicationContext context,
			WorkersProperties properties) {
		this.broker = broker;
		this.folders = folders;
		this.context = context;
		this.properties = properties;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int run(List<String> arguments) throws InterruptedException {
		sharedFoldersReachable();
		brokerReachable();
		this.context.getBean(WorkerConfiguration.ADAPTER_ID, Lifecycle.class).start();
		log.info("Worker {} takes partitions from queue {} with {} consumer(s); heartbeat every {}",
				ExecutionOwner.current(), WorkersProperties.QUEUE, this.properties.consumers(),
				this.properties.heartbeatInterval());
		this.stopped.await();
		return 0;
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		this.stopped.countDown();
	}

	// intake partitions read claim files where their arrival recorded them, and move
	// them: on shared storage
	private void sharedFoldersReachable() {
		Map<String, Path> shared = Map.of("medclaims.inbound-dir", this.folders.inboundDir(), "medclaims.outbound-dir",
				this.folders.outboundDir(), "medclaims.archive-dir", this.folders.archiveDir(),
				"medclaims.rejected-dir", this.folders.rejectedDir());
		for (Map.Entry<String, Path> folder : shared.entrySet()) {
			Path dir = folder.getValue().toAbsolutePath();
			if (!Files.isDirectory(dir) || !Files.isWritable(dir) || !probe(dir)) {
				throw new OperatorMistake("This worker cannot reach the shared folder " + dir + " (" + folder.getKey()
						+ "): mount the storage the manager uses there, at the same path (jobs/scale-out.md), then start"
						+ " the worker again.");
			}
		}
	}

	private static boolean probe(Path dir) {
		try {
			Files.delete(Files.createTempFile(dir, ".worker-probe", ".tmp"));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void brokerReachable() {
		try (Connection connection = this.broker.createConnection()) {
			if (!connection.isOpen()) {
				throw new IllegalStateException("the connection is closed");
			}
		}
		catch (RuntimeException ex) {
			throw BrokerCheck.unreachable(ex);
		}
	}

}
