package org.medclaims.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that runs a job execution: host name, process id and the instant that process
 * started (so a recycled pid is never taken for the owner).
 */
public record ExecutionOwner(String host, long pid, Instant processStartedAt) {

	private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

	private static final ExecutionOwner CURRENT = new ExecutionOwner(hostName(), ProcessHandle.current().pid(),
			ProcessHandle.current().info().startInstant().orElse(null));

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
		if (this.processStartedAt == null) {
			return true;
		}
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

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			String env = System.getenv("HOSTNAME");
			return env != null && !env.isBlank() ? env : "localhost";
		}
	}

}
