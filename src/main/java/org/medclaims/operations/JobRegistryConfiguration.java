package org.medclaims.operations;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jobs by name, as Spring Batch keeps them: both job operators and the commands find
 * them here.
 */
@Configuration(proxyBeanMethods = false)
class JobRegistryConfiguration {

	// a bean, so that Boot's job operator takes it instead of a registry of its own; it
	// registers every Job bean
	@Bean
	MapJobRegistry jobRegistry() {
		return new MapJobRegistry();
	}

}
