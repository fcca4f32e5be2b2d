package org.medclaims.system;

import java.nio.charset.StandardCharsets;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Flyway owns every schema, the frameworks' too: the Spring Batch job repository and the
 * Spring Integration metadata store are created from the scripts their own jars ship, so
 * they always match the library versions (V24 drops the script's other tables, unused).
 */
@Configuration(proxyBeanMethods = false)
class VendorSchemaMigrations {

	@Bean
	JavaMigration springBatchSchema() {
		return new ScriptMigration("1", "Spring Batch job repository",
				"org/springframework/batch/core/schema-postgresql.sql");
	}

	@Bean
	JavaMigration springIntegrationSchema() {
		return new ScriptMigration("2", "Spring Integration metadata store and locks",
				"org/springframework/integration/jdbc/schema-postgresql.sql");
	}

	private record ScriptMigration(String version, String description, String script) implements JavaMigration {

		@Override
		public MigrationVersion getVersion() {
			return MigrationVersion.fromVersion(this.version);
		}

		@Override
		public String getDescription() {
			return this.description;
		}

		@Override
		public Integer getChecksum() {
			return this.script.hashCode();
		}

		@Override
		public boolean canExecuteInTransaction() {
			return true;
		}

		@Override
		public void migrate(Context context) {
			ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(this.script));
			populator.setSqlScriptEncoding(StandardCharsets.UTF_8.name());
			populator.populate(context.getConnection());
		}

	}

}
