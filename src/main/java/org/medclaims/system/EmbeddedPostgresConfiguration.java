package org.medclaims.system;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-install database: a real PostgreSQL started from Maven Central binaries, used
 * only when {@code spring.datasource.url} is not set (demo mode). Its data survives
 * restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.Condition.class)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(@Value("${medclaims.embedded-db.data-dir:data/postgres}") Path dataDir)
			throws IOException {
		return EmbeddedDatabase.startOrShare(dataDir);
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		// zonky's URL lacks batched-insert rewriting, which the reference import's
		// batched upserts need for speed
		dataSource.setJdbcUrl(database.jdbcUrl() + "&reWriteBatchedInserts=true");
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("embedded-postgres");
		return dataSource;
	}

}
