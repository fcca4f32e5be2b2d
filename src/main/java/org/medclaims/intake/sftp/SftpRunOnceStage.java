package org.medclaims.intake.sftp;

import java.util.ArrayList;
import java.util.List;

import org.medclaims.operations.RunOnceStage;
import org.medclaims.system.OperatorMistake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;

/**
 * SFTP's part of {@code run-once}: fetch and take in every file of the inboxes before the
 * local intake, deliver every answer after the settlement. A server that cannot be used,
 * or an inbox or upload that failed, does not stop the local work; run-once then ends
 * with one sentence and exit status 1.
 */
class SftpRunOnceStage implements RunOnceStage {

	private static final Logger log = LoggerFactory.getLogger(SftpRunOnceStage.class);

	private final SftpExchange exchange;

	private final List<String> problems = new ArrayList<>();

	SftpRunOnceStage(SftpExchange exchange) {
		this.exchange = exchange;
	}

	@Override
	public List<JobExecution> beforeIntake() {
		this.problems.clear();
		try {
			List<JobExecution> executions = this.exchange.fetchAll();
			this.problems.addAll(this.exchange.problems());
			log.info("SFTP: {} claim file(s) fetched and taken in", executions.size());
			return executions;
		}
		catch (SftpExchange.SftpUnavailable ex) {
			this.problems.add(ex.getMessage());
			log.error("{} Nothing was fetched; the local inbound folder is still taken in.", ex.getMessage());
			return List.of();
		}
	}

	@Override
	public List<JobExecution> afterSettlement() {
		try {
			int delivered = this.exchange.deliverAll();
			this.problems.addAll(this.exchange.problems());
			log.info("SFTP: {} answer(s) delivered to the outboxes", delivered);
		}
		catch (SftpExchange.SftpUnavailable ex) {
			this.problems.add(ex.getMessage());
		}
		if (!this.problems.isEmpty()) {
			throw new OperatorMistake("SFTP exchange incomplete (" + String.join(" ", this.problems)
					+ "): the rest of run-once is done; fix the server, known_hosts or permissions and run again, nothing is fetched or sent twice.");
		}
		return List.of();
	}

}
