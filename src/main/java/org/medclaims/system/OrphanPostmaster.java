package org.medclaims.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the JVM was killed with {@code kill -9}, its PostgreSQL child lives on and holds
 * the data directory. It has no clients left, so a smart shutdown (SIGTERM) ends it
 * promptly.
 */
final class OrphanPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);

	private static final Duration GRACE = Duration.ofSeconds(30);

	private OrphanPostmaster() {
	}

	static void stopIfRunning(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(OrphanPostmaster::isPostgres);
		if (postmaster.isEmpty()) {
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("A PostgreSQL server (pid {}) left by an earlier run still holds {}: stopping it", process.pid(),
				dataDir);
		process.destroy();
		try {
			process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			log.warn("PostgreSQL pid {} did not stop within {}s: killing it", process.pid(), GRACE.toSeconds());
			process.destroyForcibly();
		}
	}

	private static Optional<Long> readPid(Path pidFile) throws IOException {
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		try {
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	// a recycled pid must never be killed by mistake
	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(c -> c.endsWith("postgres") || c.contains("/postgres")).orElse(false);
	}

}
