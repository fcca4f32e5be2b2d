package org.medclaims.workers;

import org.medclaims.system.OperatorMistake;

import org.springframework.core.NestedExceptionUtils;

/** What an operator reads when the message broker cannot be reached. */
final class BrokerCheck {

	private BrokerCheck() {
	}

	static OperatorMistake unreachable(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return new OperatorMistake("Cannot reach the message broker (" + root.getMessage()
				+ "): start RabbitMQ or fix spring.rabbitmq.host, .port, .username and .password, then start again.",
				failure);
	}

}
