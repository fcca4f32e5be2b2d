package org.medclaims.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * acceptFile: marks the arrival ACCEPTED with its claim counts, then moves the file to
 * {@code archive-dir/<hospital>/<yyyy-MM-dd>/} (the day it arrived). Run again after a crash, it
 * finds the decision and finishes the move.
 */
class FileAcceptanceStep implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(FileAcceptanceStep.class);

	private final Arrivals arrivals;

	private final MedclaimsProperties folders;

	FileAcceptanceStep(Arrivals arrivals, MedclaimsProperties folders) {
		this.arrivals = arrivals;
		this.folders = folders;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long arrivalId = ClaimIntakeJobConfiguration.arrivalId(contribution.getStepExecution());
		Arrival arrival = this.arrivals.find(arrivalId);
		if (Arrival.RECEIVED.equals(arrival.status())) {
			Path dir = this.folders.archiveDir()
				.toAbsolutePath()
				.resolve(arrival.hospitalCode())
				.resolve(arrival.receivedAt().atZoneSameInstant(ZoneId.systemDefault()).toLocalDate().toString());
			// a folder that cannot be made fails the job before anything is decided
			Files.createDirectories(dir);
			this.arrivals.accept(arrivalId, FileMoves.freeTarget(dir, arrival.fileName(), arrivalId));
			arrival = this.arrivals.find(arrivalId);
		}
		if (!Arrival.ACCEPTED.equals(arrival.status())) {
			throw new IllegalStateException("Arrival " + arrivalId + " is " + arrival.status() + ", not accepted.");
		}
		FileMoves.moveOnce(arrival.localPath(), arrival.storedPath(), arrival.sha256());
		this.arrivals.finished(arrivalId);
		log.info("Claim file {} (arrival {}) accepted and archived as {}", arrival.fileName(), arrivalId,
				arrival.storedPath());
		return RepeatStatus.FINISHED;
	}

}
