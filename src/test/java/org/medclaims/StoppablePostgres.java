package org.medclaims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of a test's own, which the test stops and starts under the application:
 * same port, same data, as an operator's {@code pg_ctlcluster restart} would.
 */
public final class StoppablePostgres implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private EmbeddedPostgres running;

	private StoppablePostgres(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	/** A fresh server with its data in {@code dataDir}, started. */
	public static StoppablePostgres start(Path dataDir) {
		StoppablePostgres server = new StoppablePostgres(dataDir, freePort());
		server.start();
		return server;
	}

	public synchronized void start() {
		if (this.running == null) {
			try {
				this.running = EmbeddedPostgres.builder()
					.setPort(this.port)
					.setDataDirectory(this.dataDir)
					.setCleanDataDirectory(false)
					.setServerConfig("max_connections", "80")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the test's PostgreSQL in " + this.dataDir, ex);
			}
		}
	}

	/**
	 * Stops the server (fast shutdown: sessions are cut, transactions in flight lost).
	 */
	public synchronized void stop() {
		if (this.running != null) {
			try {
				this.running.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.running = null;
		}
	}

	/** Stops the server for about {@code downFor}, then starts it again. */
	public void outage(Duration downFor) throws InterruptedException {
		stop();
		Thread.sleep(downFor.toMillis()); // the outage itself is what is tested, not a
											// wait for a result
		start();
	}

	/** Creates an empty database and answers its JDBC URL. */
	public String createDatabase(String name) {
		try (Connection c = DriverManager.getConnection(url("postgres"))) {
			c.createStatement().execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return url(name);
	}

	public String url(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database
				+ "?user=postgres&reWriteBatchedInserts=true";
	}

	@Override
	public void close() {
		stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
