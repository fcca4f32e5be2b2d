package org.medclaims.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Settlement runs, reference and credit imports and rollovers, one at a time across
 * processes (the nightly cron, {@code settle}, {@code run-once},
 * {@code import-reference}, {@code credit-accounts}, {@code rollover}, a restart from the
 * dashboard): a run settles households grouped by the family bindings it read, so the
 * registry must not change under it, and a credit or a rollover never lands between a
 * run's valuations (accounts.md). Each holds {@link AdvisoryLock#EXCLUSIVE_RUNS} while it
 * runs.
 */
public class ExclusiveRuns implements JobExecutionListener {

	private final DataSource dataSource;

	private final String refusal;

	private final Map<Long, SessionLock> held = new ConcurrentHashMap<>();

	/**
	 * @param refusal what a run that finds another one in progress ends with
	 */
	public ExclusiveRuns(DataSource dataSource, String refusal) {
		this.dataSource = dataSource;
		this.refusal = refusal;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		SessionLock lock = SessionLock.tryTake(this.dataSource, AdvisoryLock.EXCLUSIVE_RUNS)
			.orElseThrow(() -> new IllegalStateException(this.refusal));
		this.held.put(execution.getId(), lock);
	}

	@Override
	public void afterJob(JobExecution execution) {
		SessionLock lock = this.held.remove(execution.getId());
		if (lock != null) {
			lock.close();
		}
	}

}
