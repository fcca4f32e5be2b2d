package org.medclaims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the tests use: {@code MEDCLAIMS_TEST_DB_URL} when set (CI points it at
 * the machine's server), else one embedded server per test JVM. Each caller gets a fresh
 * database.
 */
public final class TestDatabases {

	private static final String PREFIX = "mct_";

	private static final AtomicInteger counter = new AtomicInteger();

	private static String adminUrl;

	private TestDatabases() {
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static synchronized String create(String hint) {
		String admin = adminUrl();
		String name = (PREFIX + hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + counter.incrementAndGet() + "_"
				+ ProcessHandle.current().pid())
			.toLowerCase(Locale.ROOT);
		if (name.length() > 60) {
			name = PREFIX + name.substring(name.length() - 56);
		}
		execute(admin, "CREATE DATABASE " + name);
		return withDatabase(admin, name);
	}

	private static String adminUrl() {
		if (adminUrl == null) {
			String configured = System.getenv("MEDCLAIMS_TEST_DB_URL");
			adminUrl = configured != null && !configured.isBlank() ? configured : startEmbedded();
			dropLeftovers(adminUrl);
		}
		return adminUrl;
	}

	private static String startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away; nothing more to do
				}
			}));
			return postgres.getJdbcUrl("postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL for the tests", ex);
		}
	}

	// databases of earlier test JVMs that are gone (killed runs leave them behind)
	private static void dropLeftovers(String admin) {
		List<String> stale = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(admin);
				var rs = c.createStatement()
					.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'mct\\_%'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				long pid = Long.parseLong(name.substring(name.lastIndexOf('_') + 1));
				if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
					stale.add(name);
				}
			}
		}
		catch (SQLException | NumberFormatException ex) {
			return;
		}
		stale.forEach(name -> execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
	}

	static String withDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = query < 0 ? url : url.substring(0, query);
		String params = query < 0 ? "" : url.substring(query + 1);
		if (!params.contains("reWriteBatchedInserts")) {
			params += (params.isEmpty() ? "" : "&") + "reWriteBatchedInserts=true";
		}
		return base.substring(0, base.lastIndexOf('/') + 1) + database + "?" + params;
	}

	private static void execute(String url, String sql) {
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test database: " + sql + " failed: " + ex.getMessage(), ex);
		}
	}

}
