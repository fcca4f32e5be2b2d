package org.medclaims.operations;

import java.time.Instant;

import com.zaxxer.hikari.HikariDataSource;

import org.medclaims.system.CommandLine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every job execution records its owner (host, pid, start instant and ticks, command) in the very transaction that creates
 * it: each pooled connection carries this process's identity in session settings, and a trigger on
 * {@code batch_job_execution} (V14) writes the owner row. A process killed right after creating an execution can
 * no longer leave it running without an owner, which crash recovery would have to leave alone.
 */
@Configuration(proxyBeanMethods = false)
class OwnerRecording {

	// static: a post-processor must not pull other beans in early; after initialization: after property binding,
	// before the pool opens its first connection
	@Bean
	static BeanPostProcessor ownerSessionSettings(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					String settings = sessionSettings(ExecutionOwner.current(),
							environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
					String configured = pool.getConnectionInitSql();
					pool.setConnectionInitSql(
							configured == null || configured.isBlank() ? settings : settings + "; " + configured);
				}
				return bean;
			}
		};
	}

	/** The statement that tells a new connection which process it serves (read by V14's trigger). */
	static String sessionSettings(ExecutionOwner owner, String command) {
		Instant started = owner.processStartedAt();
		return "SELECT set_config('medclaims.owner_host', %s, false), set_config('medclaims.owner_pid', '%d', false),"
			.formatted(literal(owner.host()), owner.pid())
				+ " set_config('medclaims.owner_started_at', %s, false), set_config('medclaims.owner_start_ticks', '%s', false),"
					.formatted(literal(started == null ? "" : started.toString()),
							owner.startTicks() == null ? "" : owner.startTicks())
				+ " set_config('medclaims.owner_command', %s, false)".formatted(literal(command));
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
