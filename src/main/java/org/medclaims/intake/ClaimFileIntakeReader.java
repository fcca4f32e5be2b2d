package org.medclaims.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medclaims.claims.Arrival;
import org.medclaims.claims.ClaimFiles;
import org.medclaims.intake.format.ClaimFileName;
import org.medclaims.intake.format.ClaimFileScanner;
import org.medclaims.intake.format.FileProblem;
import org.medclaims.intake.format.FileValidation;
import org.medclaims.intake.format.HospitalCheck;
import org.medclaims.intake.format.ParsedClaim;
import org.medclaims.system.Sha256;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one arrival's file once: its claims, checked at file level on the way, then its
 * verdict. Claims are handed out only while the file can still be accepted: once a
 * file-level problem is known (the name, the hospital, F_DUPLICATE and F_SEQUENCE before
 * the first claim; a bad record as soon as it is read) the rest is only checked, so the
 * hospital gets every problem, and the writer discards what was staged. The position
 * (claims handed out) is saved with each chunk; a restart reads the file again from its
 * start, checking without handing out, up to that position.
 */
class ClaimFileIntakeReader implements ItemStreamReader<IntakeItem> {

	private static final String POSITION = "claims.read";

	private final Arrival arrival;

	private final ClaimFiles claimFiles;

	private final HospitalCheck hospitals;

	private ClaimFileScanner scanner;

	// problems the database decides: F_DUPLICATE, F_SEQUENCE
	private final List<FileProblem> databaseProblems = new ArrayList<>();

	private boolean staging;

	private long position;

	private boolean verdictRead;

	ClaimFileIntakeReader(Arrival arrival, ClaimFiles claimFiles, HospitalCheck hospitals) {
		this.arrival = arrival;
		this.claimFiles = claimFiles;
		this.hospitals = hospitals;
	}

	@Override
	public void open(ExecutionContext context) {
		this.position = context.getLong(POSITION, 0L);
		this.verdictRead = false;
		if (this.arrival.status() != Arrival.Status.RECEIVED) {
			// decided before a crash: only the moves are left
			return;
		}
		Path file = this.arrival.localPath();
		try {
			check(file);
			if (this.position == 0) {
				// a fresh start: nothing of an earlier attempt stays (its position was
				// never saved)
				this.claimFiles.discardStaged(this.arrival.id());
			}
			this.databaseProblems.clear();
			this.databaseProblems.addAll(databaseProblems());
			this.staging = this.arrival.hospitalCode() != null && this.arrival.fileDate() != null
					&& this.databaseProblems.isEmpty() && this.hospitals.problem(this.arrival.hospitalCode()).isEmpty();
			this.scanner = ClaimFileScanner.open(file, this.arrival.fileName(), this.hospitals);
			if (this.position > 0 && !this.scanner.skip(this.position)) {
				throw new IntakeFault("The claim file " + file + " of arrival " + this.arrival.id()
						+ " has fewer than the " + this.position
						+ " claims staged before: put the file that arrived back and restart the execution.");
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot read the claim file " + file + " of arrival " + this.arrival.id()
					+ " (" + ex.getMessage() + "): put the file back or fix the disk, then restart the execution.", ex);
		}
	}

	// the file must be the one that arrived: a file replaced under its name is neither
	// staged nor archived
	private void check(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IntakeFault("The claim file " + file + " of arrival " + this.arrival.id()
					+ " is gone: put it back and restart the execution.");
		}
		String now = Sha256.of(file).hex();
		if (!now.equals(this.arrival.sha256())) {
			throw new IntakeFault("The claim file " + file + " changed after it arrived (SHA-256 " + now + ", recorded "
					+ this.arrival.sha256() + "): put the file that arrived back and restart the execution,"
					+ " or abandon it and send the new file under a new name.");
		}
	}

	private List<FileProblem> databaseProblems() {
		List<FileProblem> problems = new ArrayList<>();
		Optional<String> sameContent = this.claimFiles.acceptedWithContent(this.arrival.sha256());
		sameContent.ifPresent(earlier -> problems
			.add(new FileProblem(FileProblem.F_DUPLICATE, 0, "The same content was accepted before as " + earlier
					+ "; its response stands and this copy is set aside.")));
		Optional<ClaimFileName> name = ClaimFileName.parse(this.arrival.fileName());
		name.flatMap(n -> this.claimFiles.acceptedWithSequence(n, this.arrival.sha256()))
			.ifPresent(earlier -> problems.add(new FileProblem(FileProblem.F_SEQUENCE, 1,
					"Hospital " + name.get().hospitalCode() + ", date " + name.get().fileDateText() + " and seq "
							+ name.get().seqText() + " were accepted before with other content, as " + earlier
							+ "; send new claims under a new seq.")));
		return problems;
	}

	@Override
	public IntakeItem read() throws IOException {
		if (this.verdictRead) {
			return null;
		}
		if (this.scanner == null) {
			this.verdictRead = true;
			return IntakeItem.FileVerdict.alreadyDecided();
		}
		ParsedClaim claim;
		while ((claim = this.scanner.next()) != null) {
			if (this.staging && !this.scanner.problemFound()) {
				this.position++;
				return new IntakeItem.ClaimRead(claim);
			}
		}
		this.verdictRead = true;
		FileValidation validation = this.scanner.validation();
		if (!validation.sha256().equals(this.arrival.sha256())) {
			throw new IntakeFault("The claim file " + this.arrival.localPath()
					+ " changed while it was read: put the file"
					+ " that arrived back and restart the execution, or abandon it and send the new file under a new name.");
		}
		for (FileProblem problem : this.databaseProblems) {
			validation = validation.withProblem(problem);
		}
		return new IntakeItem.FileVerdict(validation);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(POSITION, this.position);
	}

	@Override
	public void close() {
		if (this.scanner != null) {
			try {
				this.scanner.close();
			}
			catch (IOException ex) {
				throw new ItemStreamException("Cannot close " + this.arrival.localPath(), ex);
			}
			this.scanner = null;
		}
	}

}
