package org.medclaims.intake.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.medclaims.intake.IntakeLock;
import org.medclaims.intake.format.ClaimFileName;
import org.medclaims.intake.sftp.FetchRecords.Fetch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;

/**
 * The SFTP exchange with the hospitals: {@link #fetchAll()} takes in every claim file in
 * their inboxes, {@link #deliverAll()} sends every answer not yet delivered to their
 * outboxes. {@code serve} calls {@link #poll()} on {@code medclaims.sftp.poll-interval};
 * {@code run-once} calls the two itself. Exists only when
 * {@code medclaims.sftp.enabled=true}.
 */
public class SftpExchange {

	private static final Logger log = LoggerFactory.getLogger(SftpExchange.class);

	private static final String SERVER = "server";

	private final SftpInbox inbox;

	private final SftpOutbox outbox;

	private final SftpProperties sftp;

	private final Backoff backoff;

	private final List<String> problems = new ArrayList<>();

	private final IntakeLock intakeLock;

	private boolean toldLockHeldElsewhere;

	SftpExchange(SftpInbox inbox, SftpOutbox outbox, SftpProperties sftp, Backoff backoff, IntakeLock intakeLock) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.sftp = sftp;
		this.backoff = backoff;
		this.intakeLock = intakeLock;
	}

	/**
	 * Takes in every claim file present now in every hospital's inbox, in file-name order
	 * per hospital, each through the intake; also the local copies a crash left recorded
	 * but not taken in. An inbox that fails is logged and skipped (the others are
	 * served).
	 * @return the intake executions run
	 * @throws SftpUnavailable when the server cannot be reached or refuses us (nothing
	 * fetched)
	 */
	public synchronized List<JobExecution> fetchAll() {
		this.problems.clear();
		return fetch(false);
	}

	/**
	 * Sends every response and reject file of {@code outbound-dir} not yet delivered to
	 * its hospital's outbox (only hospitals that have a folder on the server).
	 * @return how many files were uploaded now
	 * @throws SftpUnavailable when the server cannot be reached or refuses us (nothing
	 * sent)
	 */
	public synchronized int deliverAll() {
		this.problems.clear();
		return deliver(false);
	}

	/**
	 * What the last {@link #fetchAll()} or {@link #deliverAll()} could not do (an inbox
	 * not readable, a file not fetched, an upload refused), one sentence each; empty when
	 * all went.
	 */
	public synchronized List<String> problems() {
		return List.copyOf(this.problems);
	}

	/**
	 * For {@code serve}: fetch then deliver, waiting longer between attempts while a
	 * target keeps failing.
	 */
	public synchronized void poll() {
		if (!this.intakeLock.acquire()) {
			if (!this.toldLockHeldElsewhere) {
				log.error("{} This serve fetches and delivers nothing over SFTP while the other runs.",
						IntakeLock.heldElsewhere());
				this.toldLockHeldElsewhere = true;
			}
			return;
		}
		if (!this.backoff.due(SERVER)) {
			return;
		}
		this.problems.clear();
		try {
			fetch(true);
			deliver(true);
		}
		catch (SftpUnavailable ex) {
			// told once per attempt; the host-key check has already logged its own line
			Duration wait = this.backoff.failed(SERVER);
			log.error("{} Next attempt in {}s.", ex.getMessage(), wait.toSeconds());
		}
	}

	private List<JobExecution> fetch(boolean honourBackoff) {
		List<Fetch> fetched = new ArrayList<>(this.inbox.waitingForIntake());
		List<String> hospitals;
		try {
			hospitals = hospitals();
		}
		catch (SftpUnavailable ex) {
			// the local copies need no server
			this.inbox.takeIn(fetched);
			throw ex;
		}
		for (String hospital : hospitals) {
			String target = "inbox " + hospital;
			if (honourBackoff && !this.backoff.due(target)) {
				continue;
			}
			List<DirEntry> files;
			try {
				files = this.inbox.files(hospital);
			}
			catch (RuntimeException ex) {
				failed(target, "SFTP inbox " + this.sftp.inbox(hospital) + " cannot be listed", ex);
				continue;
			}
			boolean allTaken = true;
			for (DirEntry file : files) {
				String named = ClaimFileName.parse(file.getFilename())
					.map(ClaimFileName::hospitalCode)
					.orElse(hospital);
				if (!named.equals(hospital)) {
					// its answer, with patients' data, would go to the outbox of the
					// hospital it names
					String problem = "SFTP " + this.sftp.inbox(hospital) + "/" + file.getFilename() + " names hospital "
							+ named + ", not " + hospital + " whose inbox it is in: left there, not fetched; "
							+ hospital + " must send it under its own code";
					this.problems.add(problem);
					log.error(problem);
					continue;
				}
				try {
					this.inbox.fetch(hospital, file).ifPresent(fetched::add);
				}
				catch (IOException | RuntimeException ex) {
					allTaken = false;
					failed(target, "SFTP " + this.sftp.inbox(hospital) + "/" + file.getFilename()
							+ " could not be fetched (no partial copy is kept)", ex);
				}
			}
			if (allTaken) {
				this.backoff.succeeded(target);
			}
		}
		// what one fetch found is one intake batch
		return this.inbox.takeIn(fetched).stream().toList();
	}

	private int deliver(boolean honourBackoff) {
		Set<String> remoteHospitals = new LinkedHashSet<>(hospitals());
		int delivered = 0;
		for (String hospital : remoteHospitals) {
			String target = "outbox " + hospital;
			if (honourBackoff && !this.backoff.due(target)) {
				continue;
			}
			List<Path> waiting;
			try {
				waiting = this.outbox.waiting(hospital);
			}
			catch (IOException ex) {
				this.problems.add("Outbound folder of " + hospital + " cannot be read: " + ex.getMessage());
				log.error("Outbound folder of {} cannot be read: {}", hospital, ex.getMessage());
				continue;
			}
			boolean allSent = true;
			for (Path file : waiting) {
				try {
					delivered += this.outbox.deliver(hospital, file) ? 1 : 0;
				}
				catch (IOException | RuntimeException ex) {
					allSent = false;
					failed(target,
							"SFTP upload of " + file.getFileName() + " to " + this.sftp.outbox(hospital) + " failed",
							ex);
					break; // the next poll sends this one and the rest, in order
				}
			}
			if (allSent) {
				this.backoff.succeeded(target);
			}
		}
		return delivered;
	}

	private List<String> hospitals() {
		try {
			List<String> hospitals = this.inbox.hospitals();
			this.backoff.succeeded(SERVER);
			return hospitals;
		}
		catch (RuntimeException ex) {
			throw new SftpUnavailable(
					"SFTP server " + this.sftp.username() + "@" + this.sftp.address() + " cannot be used: "
							+ SftpInbox.rootMessage(ex) + " (remote root " + this.sftp.remoteRoot() + ").",
					ex);
		}
	}

	private void failed(String target, String what, Exception ex) {
		Duration wait = this.backoff.failed(target);
		this.problems.add(what + ": " + SftpInbox.rootMessage(ex) + ".");
		log.error("{}: {}; retried in {}s.", what, SftpInbox.rootMessage(ex), wait.toSeconds());
	}

	/**
	 * The server cannot be reached, refuses our key, or presents a host key we do not
	 * know.
	 */
	public static class SftpUnavailable extends RuntimeException {

		SftpUnavailable(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
