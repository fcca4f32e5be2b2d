package org.medclaims.workers;

import org.medclaims.system.CommandLine;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches in a manager that sends partitions to workers, and in a worker. */
class WorkersUsed implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isOn(context.getEnvironment());
	}

	static boolean isOn(Environment environment) {
		return environment.getProperty("medclaims.workers.enabled", Boolean.class, false) || isWorker(environment);
	}

	static boolean isWorker(Environment environment) {
		return WorkerCommand.NAME.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY));
	}

	/** Matches in a manager only. */
	static class Manager implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			return environment.getProperty("medclaims.workers.enabled", Boolean.class, false) && !isWorker(environment);
		}

	}

	/** Matches in a worker only. */
	static class Worker implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isWorker(context.getEnvironment());
		}

	}

}
