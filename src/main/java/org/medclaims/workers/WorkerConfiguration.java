package org.medclaims.workers;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * A worker's side of scale-out: partition requests taken from the queue one at a time per
 * consumer (prefetch 1: a worker holds no request it does not run, and the requests of
 * one hospital's files are delivered in the order they were sent), each acknowledged once
 * its partition has run.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WorkersUsed.Worker.class)
class WorkerConfiguration {

	static final String ADAPTER_ID = "partitionRequestReceiver";

	/**
	 * Takes partition requests from the broker and runs them; started by the worker
	 * command once its checks pass.
	 */
	@Bean
	IntegrationFlow partitionRequestsFromBroker(ConnectionFactory connectionFactory, MessageConverter converter,
			PartitionWorker worker, WorkersProperties properties) {
		return IntegrationFlow
			.from(Amqp.inboundAdapter(connectionFactory, WorkersProperties.QUEUE)
				.configureContainer(c -> c.prefetchCount(1)
					.concurrentConsumers(properties.consumers())
					.defaultRequeueRejected(true)
					// a stopping worker hands its partitions back first (WorkerShutdown)
					.shutdownTimeout(properties.heartbeatTimeout().toMillis()))
				.messageConverter(converter)
				.id(ADAPTER_ID)
				.autoStartup(false))
			.handle(worker, "run", e -> e.id("partitionRunner"))
			.get();
	}

}
