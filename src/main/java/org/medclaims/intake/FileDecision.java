package org.medclaims.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.medclaims.claims.Arrival;
import org.medclaims.claims.ClaimFiles;
import org.medclaims.intake.format.ClaimFileName;
import org.medclaims.intake.format.FileProblem;
import org.medclaims.intake.format.FileValidation;
import org.medclaims.intake.format.RejectFileWriter;
import org.medclaims.system.MedclaimsProperties;
import org.medclaims.system.TransactionConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides an arrival in the transaction of its last claims (accepted, or rejected with
 * what was staged of it removed) and, once that has committed, moves the file to the
 * archive or the rejected area and answers a rejection with its reject file. Everything
 * after the commit can be repeated: a restart after a crash or a fault in between finds
 * the decision and does the rest.
 */
@Component
class FileDecision {

	private static final Logger log = LoggerFactory.getLogger(FileDecision.class);

	private final ClaimFiles claimFiles;

	private final MedclaimsProperties folders;

	private final JdbcTemplate jdbc;

	// the last bookkeeping of a file: lost in a server crash, it is done again
	private final TransactionTemplate bookkeeping;

	FileDecision(ClaimFiles claimFiles, MedclaimsProperties folders, JdbcTemplate jdbc,
			@Qualifier(TransactionConfiguration.BOOKKEEPING) PlatformTransactionManager bookkeeping) {
		this.claimFiles = claimFiles;
		this.folders = folders;
		this.jdbc = jdbc;
		this.bookkeeping = new TransactionTemplate(bookkeeping);
		this.bookkeeping.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records the verdict in the current transaction, whose commit waits for the disk;
	 * the file follows once it commits.
	 */
	void decide(long arrivalId, IntakeItem.FileVerdict verdict) {
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			TransactionConfiguration.commitDurably(connection);
			return null;
		});
		Arrival arrival = this.claimFiles.find(arrivalId);
		FileValidation validation = verdict.validation();
		if (validation != null && arrival.status() == Arrival.Status.RECEIVED) {
			try {
				if (validation.accepted()) {
					Path dir = this.folders.archiveDir()
						.toAbsolutePath()
						.resolve(arrival.hospitalCode())
						.resolve(arrival.receivedAt()
							.atZoneSameInstant(ZoneId.systemDefault())
							.toLocalDate()
							.toString());
					// a folder that cannot be made fails the file before anything is
					// decided
					Files.createDirectories(dir);
					this.claimFiles.accept(arrivalId, validation,
							FileMoves.freeTarget(dir, arrival.fileName(), arrivalId));
				}
				else {
					Path dir = this.folders.rejectedDir().toAbsolutePath();
					Files.createDirectories(dir);
					this.claimFiles.reject(arrivalId, validation,
							FileMoves.freeTarget(dir, arrival.fileName(), arrivalId));
				}
			}
			catch (IOException ex) {
				throw new IntakeFault("Cannot make the folder for claim file " + arrival.fileName() + " ("
						+ ex.getMessage() + "): fix the folder's permissions or the disk, then restart the execution.",
						ex);
			}
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				publish(arrivalId);
			}
		});
	}

	/** Moves a decided arrival's file and writes its reject files; harmless to repeat. */
	void publish(long arrivalId) {
		Arrival arrival = this.claimFiles.find(arrivalId);
		try {
			if (arrival.status() == Arrival.Status.ACCEPTED) {
				FileMoves.moveOnce(arrival.localPath(), arrival.storedPath(), arrival.sha256());
				log.info("Claim file {} (arrival {}) accepted and archived as {}", arrival.fileName(), arrivalId,
						arrival.storedPath());
			}
			else if (arrival.status() == Arrival.Status.REJECTED) {
				answerRejection(arrival);
			}
			else {
				throw new IllegalStateException("Arrival " + arrivalId + " is " + arrival.status() + ", not decided.");
			}
		}
		catch (IOException ex) {
			throw new IntakeFault("Claim file " + arrival.fileName() + " (arrival " + arrivalId + ") is "
					+ arrival.status() + " but could not be moved or answered (" + ex.getMessage()
					+ "): fix the folder or the disk, then restart the execution.", ex);
		}
		this.bookkeeping.executeWithoutResult(status -> this.claimFiles.finished(arrivalId));
	}

	private void answerRejection(Arrival arrival) throws IOException {
		List<FileProblem> problems = this.claimFiles.problems(arrival.id());
		Optional<String> hospital = ClaimFileName.hospitalCodePrefix(arrival.fileName());
		if (hospital.isPresent()) {
			Path outbox = this.folders.outboundDir().resolve(hospital.get());
			Files.createDirectories(outbox);
			RejectFileWriter.write(outbox.resolve(arrival.fileName() + ".rej"), hospital.get(), arrival.fileName(),
					arrival.decidedAt(), problems);
		}
		Path target = arrival.storedPath();
		FileMoves.moveOnce(arrival.localPath(), target, arrival.sha256());
		RejectFileWriter.write(target.resolveSibling(target.getFileName() + ".rej"), hospital.orElse(""),
				arrival.fileName(), arrival.decidedAt(), problems);
		log.warn("Claim file {} (arrival {}) rejected {}: {} (moved to {})", arrival.fileName(), arrival.id(),
				problems.get(0).code(), problems.get(0).message(), target);
	}

}
