package org.medclaims.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.medclaims.system.BuiltInFiles;
import org.medclaims.system.CommandLine;
import org.medclaims.system.DemoMode;
import org.medclaims.system.OperatorMessages;
import org.medclaims.system.OperatorMistake;
import org.medclaims.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Imports credits files (accounts.md): one accountCreditJob instance per file and
 * content. A file imported before answers that import's outcome; one whose import failed
 * or stopped is restarted where it ended.
 */
@Service
public class AccountCredits {

	private static final Logger log = LoggerFactory.getLogger(AccountCredits.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job accountCreditJob;

	/** Where demo mode copies the built-in demo credits out of the jar. */
	static final String DEMO_CREDITS_DIR = "data/demo/credits";

	private final Optional<Path> creditsDir;

	private final boolean demoServe;

	AccountCredits(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier(AccountCreditJobConfiguration.JOB_NAME) Job accountCreditJob, AccountsProperties properties,
			Environment environment) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.accountCreditJob = accountCreditJob;
		this.creditsDir = Optional.ofNullable(properties.creditsDir());
		this.demoServe = DemoMode.isOn(environment)
				&& CommandLine.SERVE.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
	}

	/** {@code medclaims.credits-dir}, when set. */
	public Optional<Path> configuredDir() {
		return this.creditsDir;
	}

	/**
	 * What {@code serve} imports at start: {@code medclaims.credits-dir}, else in demo
	 * mode the demo credits built into the jar, copied out to {@value #DEMO_CREDITS_DIR}
	 * for the job to read.
	 */
	public Optional<Path> startupDir() throws IOException {
		if (this.creditsDir.isPresent() || !this.demoServe) {
			return this.creditsDir;
		}
		Path dir = Path.of(DEMO_CREDITS_DIR);
		BuiltInFiles.copy(BuiltInFiles.DEMO_CREDITS, dir);
		return Optional.of(dir);
	}

	/**
	 * Every {@code *.csv} of the folder, in file-name order; stops at the first file not
	 * imported.
	 */
	public List<Outcome> importFolder(Path dir) throws Exception {
		if (!Files.isDirectory(dir)) {
			throw new OperatorMistake(
					"Credits folder " + dir + " does not exist: create it or fix medclaims.credits-dir.");
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(dir)) {
			files = list.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".csv"))
				.sorted()
				.toList();
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (Path file : files) {
			Outcome outcome = importFile(file);
			outcomes.add(outcome);
			if (!outcome.succeeded()) {
				break;
			}
		}
		return outcomes;
	}

	public Outcome importFile(Path file) throws Exception {
		if (!Files.isRegularFile(file)) {
			throw new OperatorMistake(
					"Credits file " + file + " does not exist: give the CSV file of the contribution" + " system.");
		}
		Path absolute = file.toAbsolutePath().normalize();
		JobParameters parameters;
		try {
			parameters = new JobParametersBuilder().addString(AccountCreditJobConfiguration.FILE, absolute.toString())
				.addString(AccountCreditJobConfiguration.SHA256, Sha256.of(absolute).hex())
				.toJobParameters();
		}
		catch (IOException ex) {
			throw new OperatorMistake("Cannot read the credits file " + file + " (" + ex.getMessage()
					+ "): fix its permissions or the disk, then try again.", ex);
		}
		JobExecution last = this.jobRepository.getLastJobExecution(AccountCreditJobConfiguration.JOB_NAME, parameters);
		if (last == null) {
			return outcome(absolute, this.jobOperator.start(this.accountCreditJob, parameters), false);
		}
		return switch (last.getStatus()) {
			case COMPLETED -> outcome(absolute, last, true);
			case FAILED, STOPPED -> {
				log.info("Restarting the import of {} (execution {}, left {})", absolute, last.getId(),
						last.getStatus());
				yield outcome(absolute, this.jobOperator.restart(last), false);
			}
			case ABANDONED -> throw new OperatorMistake("The import of " + file + " (execution " + last.getId()
					+ ") was abandoned: copy the file under another name to import it anew.");
			default -> throw new OperatorMistake(
					"Credits file " + file + " is being imported by execution " + last.getId() + " (" + last.getStatus()
							+ "): wait for it to end; if its process died, run" + " 'restart " + last.getId() + "'.");
		};
	}

	// the bad rows are kept by the check step, which a later execution of the file does
	// not run again
	@SuppressWarnings("unchecked")
	private Outcome outcome(Path file, JobExecution execution, boolean earlier) {
		StepExecution check = this.jobRepository.getLastStepExecution(execution.getJobInstance(),
				AccountCreditJobConfiguration.CHECK_STEP);
		List<String> problems = check == null ? List.of()
				: (List<String>) check.getExecutionContext().get(CreditFileCheck.PROBLEMS_KEY, List.class, List.of());
		return new Outcome(file, execution, earlier, List.copyOf(problems));
	}

	/**
	 * What importing one file did.
	 *
	 * @param earlier the file, with this content, was imported before: nothing was done
	 * now
	 * @param problems every bad row as {@code file:line: reason}; empty unless the file
	 * was not imported for them
	 */
	public record Outcome(Path file, JobExecution execution, boolean earlier, List<String> problems) {

		public boolean succeeded() {
			return this.execution.getStatus() == BatchStatus.COMPLETED
					&& ExitStatus.COMPLETED.getExitCode().equals(this.execution.getExitStatus().getExitCode());
		}

		/** One line for the operator. */
		public String summary() {
			String name = this.file.getFileName().toString();
			if (this.earlier && succeeded()) {
				return name + ": imported before by execution " + this.execution.getId() + ", nothing changed ("
						+ this.execution.getExitStatus().getExitDescription() + ")";
			}
			if (succeeded()) {
				return name + ": " + this.execution.getExitStatus().getExitDescription() + " (execution "
						+ this.execution.getId() + ")";
			}
			if (!problems().isEmpty()) {
				return name + ": NOT imported, nothing credited (execution " + this.execution.getId()
						+ "): fix the rows above and import it again.";
			}
			return name + ": execution " + this.execution.getId() + " ended " + this.execution.getStatus() + ": "
					+ OperatorMessages.whyNotCompleted(this.execution) + ". Fix the cause, then import it again or run"
					+ " 'restart " + this.execution.getId() + "'.";
		}

	}

}
