package org.medclaims.intake;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.metadata.JdbcMetadataStore;

/** What every command's intake needs: its settings and the persistent metadata store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

	/**
	 * Spring Integration's key-value store on table INT_METADATA_STORE; shared by the
	 * file and SFTP filters.
	 */
	@Bean
	JdbcMetadataStore metadataStore(DataSource dataSource) {
		return new JdbcMetadataStore(dataSource);
	}

}
