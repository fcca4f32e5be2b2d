package org.medclaims.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.medclaims.intake.format.ClaimFileName;
import org.medclaims.intake.format.ClaimFileValidator;
import org.medclaims.intake.format.FileProblem;
import org.medclaims.intake.format.FileValidation;
import org.medclaims.intake.format.HospitalCheck;
import org.medclaims.intake.format.RejectFileWriter;
import org.medclaims.system.MedclaimsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * validateFile: every file-level check in one streaming pass, then F_DUPLICATE and F_SEQUENCE
 * against the accepted files. A rejected file is recorded with its problems, answered with a
 * reject file and moved to the rejected area; the step then exits {@code REJECTED}.
 */
class FileValidationStep implements Tasklet {

	static final String REJECTED = "REJECTED";

	private static final Logger log = LoggerFactory.getLogger(FileValidationStep.class);

	private final Arrivals arrivals;

	private final ClaimFileValidator validator;

	private final MedclaimsProperties folders;

	FileValidationStep(Arrivals arrivals, HospitalCheck hospitals, MedclaimsProperties folders) {
		this.arrivals = arrivals;
		this.validator = new ClaimFileValidator(hospitals);
		this.folders = folders;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long arrivalId = ClaimIntakeJobConfiguration.arrivalId(contribution.getStepExecution());
		Arrival arrival = this.arrivals.find(arrivalId);
		if (Arrival.RECEIVED.equals(arrival.status())) {
			FileValidation validation = validate(arrival);
			if (validation.accepted()) {
				this.arrivals.validated(arrivalId, validation);
				log.info("Claim file {} (arrival {}) is valid: {} claims, {} lines, total {}", arrival.fileName(),
						arrivalId, validation.claimCount(), validation.lineCount(), validation.totalAmount());
				return RepeatStatus.FINISHED;
			}
			Path rejectedDir = this.folders.rejectedDir().toAbsolutePath();
			// a folder that cannot be made fails the job before anything is decided
			Files.createDirectories(rejectedDir);
			Path target = FileMoves.freeTarget(rejectedDir, arrival.fileName(), arrivalId);
			this.arrivals.reject(arrivalId, validation, target);
			arrival = this.arrivals.find(arrivalId);
		}
		if (!Arrival.REJECTED.equals(arrival.status())) {
			throw new IllegalStateException("Arrival " + arrivalId + " is " + arrival.status()
					+ " already; its intake cannot validate it again.");
		}
		publishRejection(arrival);
		this.arrivals.finished(arrivalId);
		contribution.setExitStatus(new ExitStatus(REJECTED, arrival.rejectCode()));
		return RepeatStatus.FINISHED;
	}

	private FileValidation validate(Arrival arrival) throws IOException {
		Path file = arrival.localPath();
		if (!Files.isRegularFile(file)) {
			throw new IntakeFault("The claim file " + file + " of arrival " + arrival.id()
					+ " is gone: put it back and restart the execution.");
		}
		FileValidation validation;
		try {
			validation = this.validator.validate(file, arrival.fileName());
		}
		catch (IOException ex) {
			throw new IntakeFault("Cannot read the claim file " + file + " (" + ex.getMessage()
					+ "): fix the folder or disk, then restart the execution.", ex);
		}
		if (!validation.sha256().equals(arrival.sha256())) {
			throw new IntakeFault("The claim file " + file + " changed after it arrived (SHA-256 " + validation.sha256()
					+ ", recorded " + arrival.sha256() + "): abandon the execution and let the file arrive again.");
		}
		Optional<ClaimFileName> name = ClaimFileName.parse(arrival.fileName());
		Optional<String> sameContent = this.arrivals.acceptedWithContent(arrival.sha256());
		if (sameContent.isPresent()) {
			validation = validation.withProblem(new FileProblem(FileProblem.F_DUPLICATE, 0,
					"The same content was accepted before as " + sameContent.get()
							+ "; its response stands and this copy is set aside."));
		}
		if (name.isPresent()) {
			Optional<String> sameSequence = this.arrivals.acceptedWithSequence(name.get(), arrival.sha256());
			if (sameSequence.isPresent()) {
				validation = validation.withProblem(new FileProblem(FileProblem.F_SEQUENCE, 1,
						"Hospital " + name.get().hospitalCode() + ", date " + name.get().fileDateText() + " and seq "
								+ name.get().seqText() + " were accepted before with other content, as "
								+ sameSequence.get() + "; send new claims under a new seq."));
			}
		}
		return validation;
	}

	// every action here can be repeated: a restart after a crash finishes what was begun
	private void publishRejection(Arrival arrival) throws IOException {
		List<FileProblem> problems = this.arrivals.problems(arrival.id());
		OffsetDateTime processedAt = arrival.decidedAt();
		Optional<String> hospital = ClaimFileName.hospitalCodePrefix(arrival.fileName());
		if (hospital.isPresent()) {
			Path outbox = this.folders.outboundDir().resolve(hospital.get());
			Files.createDirectories(outbox);
			RejectFileWriter.write(outbox.resolve(arrival.fileName() + ".rej"), hospital.get(), arrival.fileName(),
					processedAt, problems);
		}
		Path target = arrival.storedPath();
		FileMoves.moveOnce(arrival.localPath(), target, arrival.sha256());
		RejectFileWriter.write(target.resolveSibling(target.getFileName() + ".rej"), hospital.orElse(""),
				arrival.fileName(), processedAt, problems);
		log.warn("Claim file {} (arrival {}) rejected {}: {} (moved to {})", arrival.fileName(), arrival.id(),
				problems.get(0).code(), problems.get(0).message(), target);
	}

}
