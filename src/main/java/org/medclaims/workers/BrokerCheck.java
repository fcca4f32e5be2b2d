package org.medclaims.workers;

import org.medclaims.system.OperatorMistake;

/** What an operator reads when the message broker cannot be reached. */
final class BrokerCheck {

	private BrokerCheck() {
	}

	static OperatorMistake unreachable(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return new OperatorMistake("Cannot reach the message broker (" + root.getMessage()
				+ "): start RabbitMQ or fix spring.rabbitmq.host, .port, .username and .password, then start again.",
				failure);
	}

}
