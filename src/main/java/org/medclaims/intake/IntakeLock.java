package org.medclaims.intake;

import javax.sql.DataSource;

import org.medclaims.system.AdvisoryLock;
import org.medclaims.system.SessionLock;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One medclaims process at a time takes claim files in and delivers answers (the inbound
 * folder, the SFTP inboxes and outboxes): a {@code serve} that watches, or a
 * {@code run-once}. A file or an upload is claimed by no row of its own, so two such
 * processes could take a file twice or garble an upload. The holder keeps
 * {@link AdvisoryLock#INTAKE} for as long as it lives.
 */
@Component
public class IntakeLock implements DisposableBean {

	private final DataSource dataSource;

	private SessionLock held;

	IntakeLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Takes the lock unless another process holds it; true while this process holds it.
	 */
	public synchronized boolean acquire() {
		if (this.held == null) {
			this.held = SessionLock.tryTake(this.dataSource, AdvisoryLock.INTAKE).orElse(null);
		}
		return this.held != null;
	}

	/** Whether this process holds the lock (it never waits for it). */
	public synchronized boolean isHeld() {
		return this.held != null;
	}

	@Override
	public synchronized void destroy() {
		if (this.held != null) {
			this.held.close();
			this.held = null;
		}
	}

	/** What an operator reads when another process holds the lock. */
	public static String heldElsewhere() {
		return "Another medclaims process takes claim files in from this database (a serve that watches, or a"
				+ " run-once): files are taken in by one process at a time.";
	}

}
