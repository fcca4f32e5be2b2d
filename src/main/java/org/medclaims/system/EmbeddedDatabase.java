package org.medclaims.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode's PostgreSQL in {@code data/postgres}: started here, or, when a live
 * medclaims process (a running {@code serve}) already runs it, shared with that process,
 * so a command such as {@code jobs} typed beside the demo sees the same data and never
 * stops its server.
 */
final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	// zonky holds a lock on this file in its data directory for as long as its JVM lives
	private static final String OWNER_LOCK = "epg-lock";

	private final EmbeddedPostgres started;

	private final String jdbcUrl;

	private EmbeddedDatabase(EmbeddedPostgres started, String jdbcUrl) {
		this.started = started;
		this.jdbcUrl = jdbcUrl;
	}

	static EmbeddedDatabase startOrShare(Path dataDir) throws IOException {
		Path dir = dataDir.toAbsolutePath();
		if (ownedByLiveProcess(dir)) {
			int port = Integer.parseInt(Files.readAllLines(dir.resolve("postmaster.pid")).get(3).trim());
			log.info("The embedded PostgreSQL in {} is run by another medclaims process: using it (port {})", dir,
					port);
			return new EmbeddedDatabase(null, "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
		}
		OrphanPostmaster.stopIfRunning(dir);
		log.info("No spring.datasource.url set: starting the embedded PostgreSQL in {} (demo mode)", dir);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "60")
			// stopped by the context after the pool and the session locks (IntakeLock),
			// never by a JVM hook of its
			// own: on SIGTERM that hook raced the context and cut the lock's session
			// ("Advisory lock 6 not released")
			.setRegisterShutdownHook(false)
			.start();
		return new EmbeddedDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"));
	}

	String jdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public void close() throws IOException {
		if (this.started != null) {
			this.started.close();
		}
	}

	private static boolean ownedByLiveProcess(Path dir) throws IOException {
		Path lockFile = dir.resolve(OWNER_LOCK);
		List<String> pid = Files.exists(dir.resolve("postmaster.pid"))
				? Files.readAllLines(dir.resolve("postmaster.pid")) : List.of();
		if (!Files.exists(lockFile) || pid.size() < 4) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			return lock == null;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
	}

}
