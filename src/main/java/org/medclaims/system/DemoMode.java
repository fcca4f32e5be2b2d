package org.medclaims.system;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo mode is the zero-install default: no {@code spring.datasource.url}, an embedded
 * PostgreSQL, demo users and the demo registry and claim files.
 */
public final class DemoMode {

	private DemoMode() {
	}

	public static boolean isOn(Environment environment) {
		return !environment.containsProperty("spring.datasource.url");
	}

	/** Matches in demo mode only. */
	public static final class Condition implements org.springframework.context.annotation.Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isOn(context.getEnvironment());
		}

	}

}
