package org.medclaims.operations;

import java.time.Instant;

import com.zaxxer.hikari.HikariDataSource;

import org.medclaims.system.CommandLine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every job execution records its owner (host, pid, start instant and ticks, command) in
 * the very transaction that creates it: each pooled connection carries this process's
 * identity in session settings, and a trigger on {@code batch_job_execution}
 * (R__job_execution_owner.sql) writes the owner row. A process killed right after
 * creating an execution can no longer leave it running without an owner, which crash
 * recovery would have to leave alone.
 */
@Configuration(proxyBeanMethods = false)
class OwnerRecording {

	// static: a post-processor must not pull other beans in early; after initialization:
	// after property binding,
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

	/**
	 * The statement that tells a new connection which process it serves (read by the
	 * trigger of R__job_execution_owner.sql).
	 */
	static String sessionSettings(ExecutionOwner owner, String command) {
		Instant started = owner.processStartedAt();
		return "SELECT " + setting("host", literal(owner.host())) + ", " + setting("pid", "'" + owner.pid() + "'")
				+ ", " + setting("started_at", literal(started == null ? "" : started.toString())) + ", "
				+ setting("start_ticks", "'" + (owner.startTicks() == null ? "" : owner.startTicks()) + "'") + ", "
				+ setting("command", literal(command));
	}

	private static String setting(String name, String value) {
		return "set_config('medclaims.owner_" + name + "', " + value + ", false)";
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
