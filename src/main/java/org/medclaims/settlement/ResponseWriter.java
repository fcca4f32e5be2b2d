package org.medclaims.settlement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.medclaims.claims.DueResponses;
import org.medclaims.intake.format.ResponseFileWriter;
import org.medclaims.system.MedclaimsProperties;
import org.medclaims.system.OperatorMistake;
import org.medclaims.system.TransactionConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Writes {@code <base>.res} to {@code outbound-dir/<hospital>/} (a temporary name, then a
 * rename: never half a file) and records it in the chunk's transaction. A folder missing
 * is made; one that cannot be written fails the step with its path and the reason, and a
 * restart writes the answers still missing, each once.
 */
class ResponseWriter implements ItemWriter<DueResponse>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);

	private final JdbcTemplate jdbc;

	private final DueResponses responses;

	private final MedclaimsProperties folders;

	private final PlatformTransactionManager transactionManager;

	ResponseWriter(JdbcTemplate jdbc, DueResponses responses, MedclaimsProperties folders,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.responses = responses;
		this.folders = folders;
		this.transactionManager = transactionManager;
	}

	// settlement's chunks commit without waiting for the disk: on disk they are, before
	// any answer tells of them
	@Override
	public void beforeStep(StepExecution stepExecution) {
		TransactionConfiguration.flushCommits(this.jdbc, this.transactionManager);
	}

	@Override
	public void write(Chunk<? extends DueResponse> responses) {
		for (DueResponse response : responses) {
			Path target = this.folders.outboundDir().resolve(response.hospitalCode()).resolve(response.responseName());
			try {
				Files.createDirectories(target.getParent());
				ResponseFileWriter.write(target, response.hospitalCode(), response.fileName(), response.processedAt(),
						response.rows().iterator());
			}
			catch (IOException ex) {
				throw new ResponseNotWritten("The response " + response.responseName() + " to " + response.fileName()
						+ " cannot be written to " + target.toAbsolutePath() + " (" + ex + "): free the disk or fix the"
						+ " folder's permissions, then restart the execution; the answers written stay, the rest follow.",
						ex);
			}
			this.responses.answered(response.fileId(), response.responseName());
			log.info("Response {} written for {} ({} claims)", target, response.fileName(), response.rows().size());
		}
	}

	/** The outbound folder refused a response. */
	static class ResponseNotWritten extends OperatorMistake {

		ResponseNotWritten(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
