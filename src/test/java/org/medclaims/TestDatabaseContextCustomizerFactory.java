package org.medclaims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every {@code @SpringBootTest} class its own PostgreSQL database and its own
 * folders, so test classes never see each other's rows or files.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean bootTest = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.isPresent(SpringBootTest.class);
		return bootTest ? new OwnDatabase(testClass.getName()) : null;
	}

	private record OwnDatabase(String testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			String simpleName = this.testClass.substring(this.testClass.lastIndexOf('.') + 1);
			Path dataDir;
			try {
				Files.createDirectories(Path.of("target/test-data"));
				dataDir = Files.createTempDirectory(Path.of("target/test-data"), simpleName + "-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Map<String, Object> properties = new HashMap<>();
			properties.put("spring.datasource.url", TestDatabases.create(simpleName));
			properties.put("spring.datasource.username", "postgres");
			properties.put("medclaims.test-data-dir", dataDir.toAbsolutePath().toString());
			// cached contexts keep their pools: open connections only while used, or a
			// server's 100 run out
			properties.put("spring.datasource.hikari.minimum-idle", "0");
			properties.put("spring.datasource.hikari.idle-timeout", "10000");
			properties.put("spring.datasource.hikari.maximum-pool-size", "12");
			// tests drive the intake themselves unless they ask for the folder to be
			// watched
			properties.put("medclaims.intake.watch", "false");
			for (String folder : List.of("inbound", "outbound", "archive", "rejected")) {
				properties.put("medclaims." + folder + "-dir", dataDir.resolve(folder).toAbsolutePath().toString());
			}
			// a test's own properties win over these defaults
			properties.keySet().removeIf(context.getEnvironment()::containsProperty);
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
		}

	}

}
