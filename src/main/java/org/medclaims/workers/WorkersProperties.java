package org.medclaims.workers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medclaims.workers.*}: scale-out over RabbitMQ ({@code spring.rabbitmq.*} for the
 * broker).
 *
 * @param enabled whether {@code serve}, {@code run-once} and {@code settle} send their
 * intake and settlement partitions to worker processes instead of local threads
 * @param partitions how many partitions settlement's households are split into for the
 * workers
 * @param heartbeatTimeout a partition whose worker has not said it is alive for this long
 * is failed
 * @param consumers partitions one worker process runs at once
 * @param pollInterval how often the manager reads the partitions' progress from the job
 * repository
 */
@ConfigurationProperties("medclaims.workers")
public record WorkersProperties(@DefaultValue("false") boolean enabled, @DefaultValue("8") int partitions,
		@DefaultValue("30s") Duration heartbeatTimeout, @DefaultValue("1") int consumers,
		@DefaultValue("1s") Duration pollInterval) {

	/** The queue the partition requests go through. */
	public static final String QUEUE = "medclaims.partitions";

	/** How often a worker says it is alive: three times per timeout. */
	public Duration heartbeatInterval() {
		return this.heartbeatTimeout.dividedBy(3);
	}

}
