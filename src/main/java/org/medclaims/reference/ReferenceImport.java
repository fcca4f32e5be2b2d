package org.medclaims.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.medclaims.system.BuiltInFiles;
import org.medclaims.system.CommandLine;
import org.medclaims.system.DemoMode;
import org.medclaims.system.MedclaimsProperties;
import org.medclaims.system.OperatorMessages;
import org.medclaims.system.OperatorMistake;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/** Starts the reference import job on a folder and reads its outcome. */
@Service
public class ReferenceImport {

	private final JobOperator jobOperator;

	private final Job referenceImportJob;

	/** Where demo mode copies the built-in demo registry out of the jar. */
	static final String DEMO_REFERENCE_DIR = "data/demo/reference";

	private final Optional<Path> referenceDir;

	private final boolean demoServe;

	ReferenceImport(JobOperator jobOperator, Job referenceImportJob, MedclaimsProperties properties,
			Environment environment) {
		this.jobOperator = jobOperator;
		this.referenceImportJob = referenceImportJob;
		this.referenceDir = Optional.ofNullable(properties.referenceDir());
		this.demoServe = DemoMode.isOn(environment)
				&& CommandLine.SERVE.equals(environment.getProperty(CommandLine.COMMAND_PROPERTY, CommandLine.SERVE));
	}

	/** {@code medclaims.reference-dir}, when set. */
	public Optional<Path> configuredDir() {
		return this.referenceDir;
	}

	/**
	 * What {@code serve} imports at start: {@code medclaims.reference-dir}, else in demo
	 * mode the demo registry built into the jar, copied out to
	 * {@value #DEMO_REFERENCE_DIR} for the job to read.
	 */
	public Optional<Path> startupDir() throws IOException {
		if (this.referenceDir.isPresent() || !this.demoServe) {
			return this.referenceDir;
		}
		Path dir = Path.of(DEMO_REFERENCE_DIR);
		BuiltInFiles.copy(BuiltInFiles.DEMO_REFERENCE, dir);
		return Optional.of(dir);
	}

	public Outcome importFrom(Path dir) throws Exception {
		if (!Files.isDirectory(dir)) {
			throw new OperatorMistake(
					"Reference folder " + dir + " does not exist: give the folder holding the CSV files.");
		}
		JobExecution execution = this.jobOperator.start(this.referenceImportJob,
				new JobParametersBuilder().addString("dir", dir.toAbsolutePath().normalize().toString())
					.addLong("run", System.currentTimeMillis())
					.toJobParameters());
		return new Outcome(execution);
	}

	/** What one import did: per file imported, absent or rejected with its bad rows. */
	public record Outcome(JobExecution execution) {

		public boolean succeeded() {
			return this.execution.getStatus() == BatchStatus.COMPLETED
					&& ExitStatus.COMPLETED.getExitCode().equals(this.execution.getExitStatus().getExitCode());
		}

		@SuppressWarnings("unchecked")
		public List<String> problems() {
			return this.execution.getStepExecutions()
				.stream()
				.flatMap(s -> ((List<String>) s.getExecutionContext()
					.get(ReferenceFileImport.PROBLEMS_KEY, List.class, List.of())).stream())
				.toList();
		}

		/**
		 * What the operator does next: mend the bad rows, or what made the import fail.
		 */
		public String whatToDo() {
			return problems().isEmpty() ? OperatorMessages.whyNotCompleted(this.execution)
					: "fix the rows above and try again.";
		}

		public List<String> summary() {
			return this.execution.getStepExecutions().stream().map(Outcome::line).toList();
		}

		private static String line(StepExecution step) {
			String file = step.getStepName().replace("import ", "");
			return switch (step.getExitStatus().getExitCode()) {
				case ReferenceFileImport.NOT_PRESENT -> file + ": not present, left unchanged";
				case ReferenceFileImport.INVALID -> file + ": NOT imported, bad rows";
				default ->
					step.getStatus() == BatchStatus.COMPLETED ? file + ": " + step.getWriteCount() + " rows imported"
							: file + ": " + step.getStatus() + " " + step.getExitStatus().getExitDescription();
			};
		}

	}

}
