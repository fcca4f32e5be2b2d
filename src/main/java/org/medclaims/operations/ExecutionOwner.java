package org.medclaims.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that runs a job execution: host name, process id and when that process
 * started (so a recycled pid is never taken for the owner): in clock ticks since boot
 * where Linux tells it, which a stepped wall clock does not move, else as an instant.
 */
public record ExecutionOwner(String host, long pid, Instant processStartedAt, Long startTicks) {

	private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

	private static final ExecutionOwner CURRENT = new ExecutionOwner(hostName(), ProcessHandle.current().pid(),
			ProcessHandle.current().info().startInstant().orElse(null), startTicks(ProcessHandle.current().pid()));

	/** This process. */
	public static ExecutionOwner current() {
		return CURRENT;
	}

	public boolean isOnThisHost() {
		return CURRENT.host.equals(this.host);
	}

	/** Whether this owner, which must be on this host, still runs. */
	public boolean isAlive() {
		Optional<ProcessHandle> process = ProcessHandle.of(this.pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return false;
		}
		Long ticks = (this.startTicks != null) ? startTicks(this.pid) : null;
		if (ticks != null) {
			return ticks.equals(this.startTicks);
		}
		if (this.processStartedAt == null) {
			return true;
		}
		// each JVM derives start instants from the boot time it read when it started: a
		// clock step between two
		// JVMs' starts shifts them, hence the tolerance and the ticks above
		return process.get()
			.info()
			.startInstant()
			.map(started -> Duration.between(started, this.processStartedAt).abs().compareTo(START_TOLERANCE) <= 0)
			.orElse(true);
	}

	@Override
	public String toString() {
		return "process " + this.pid + " on " + this.host;
	}

	/** Field 22 of {@code /proc/<pid>/stat}, or null where there is no such file. */
	static Long startTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the command name, in parentheses, may hold spaces: count fields after its
			// closing parenthesis
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[19]);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			// a name that does not resolve is still this machine's name, not every
			// machine's "localhost"
			try {
				String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
				if (!kernel.isEmpty()) {
					return kernel;
				}
			}
			catch (IOException | RuntimeException unreadable) {
				// not Linux
			}
			String env = System.getenv("HOSTNAME");
			return env != null && !env.isBlank() ? env : "localhost";
		}
	}

}
