package org.medclaims.workers;

import org.medclaims.system.DemoMode;
import org.medclaims.system.OperatorMistake;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The broker's side of scale-out: one durable queue of partition requests (Spring Batch's
 * {@code StepExecutionRequest}: a step name and a step execution id, as JSON), declared
 * by managers and workers alike, and the flow that sends a manager's requests to it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WorkersUsed.class)
class PartitionMessaging {

	/** Where a manager's partitioned steps send their requests. */
	static final String REQUESTS = "partitionRequests";

	@Bean
	Queue partitionQueue() {
		return QueueBuilder.durable(WorkersProperties.QUEUE).build();
	}

	/**
	 * JSON with one trusted package: nothing but a partition request is ever read from
	 * the broker.
	 */
	@Bean
	MessageConverter partitionRequestConverter() {
		return new JacksonJsonMessageConverter("org.springframework.batch.integration.partition");
	}

	@Bean(REQUESTS)
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	/**
	 * Sends each partition request to the queue (the default exchange routes by queue
	 * name).
	 */
	@Bean
	IntegrationFlow partitionRequestsToBroker(AmqpTemplate rabbitTemplate) {
		return IntegrationFlow.from(REQUESTS)
			.handle(Amqp.outboundAdapter(rabbitTemplate).routingKey(WorkersProperties.QUEUE),
					e -> e.id("partitionRequestSender"))
			.get();
	}

	/** The broker's credentials are never the library's defaults outside demo mode. */
	@Bean
	InitializingBean brokerCredentialsGiven(Environment environment) {
		return () -> {
			if (!DemoMode.isOn(environment) && (!environment.containsProperty("spring.rabbitmq.username")
					|| !environment.containsProperty("spring.rabbitmq.password"))) {
				throw new OperatorMistake("Scale-out needs the broker's credentials: set spring.rabbitmq.username and"
						+ " spring.rabbitmq.password (and spring.rabbitmq.host, .port); there are no defaults outside"
						+ " demo mode.");
			}
		};
	}

}
