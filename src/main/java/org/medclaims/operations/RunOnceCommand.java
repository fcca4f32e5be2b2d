package org.medclaims.operations;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.medclaims.accounts.AccountCredits;
import org.medclaims.intake.ClaimIntake;
import org.medclaims.intake.IntakeLock;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.settlement.SettlementLauncher;
import org.medclaims.system.Command;
import org.medclaims.system.OperatorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * {@code run-once}: the whole nightly cycle in one process. Recovers what a crashed run
 * left, imports the reference data and then the credits files when configured, takes in
 * every claim file present, settles every waiting claim and writes every response, then
 * exits 0 only if every job it ran completed and every unfinished intake a crash left
 * could be resumed.
 */
@Component
class RunOnceCommand implements Command {

	private static final Logger log = LoggerFactory.getLogger(RunOnceCommand.class);

	private final CrashRecovery crashRecovery;

	private final ReferenceImport referenceImport;

	private final ClaimIntake intake;

	private final SettlementLauncher settlement;

	private final List<RunOnceStage> stages;

	private final IntakeLock intakeLock;

	private final AccountCredits credits;

	RunOnceCommand(CrashRecovery crashRecovery, ReferenceImport referenceImport, ClaimIntake intake,
			SettlementLauncher settlement, List<RunOnceStage> stages, IntakeLock intakeLock, AccountCredits credits) {
		this.crashRecovery = crashRecovery;
		this.referenceImport = referenceImport;
		this.intake = intake;
		this.settlement = settlement;
		this.stages = stages;
		this.intakeLock = intakeLock;
		this.credits = credits;
	}

	@Override
	public String name() {
		return "run-once";
	}

	@Override
	public int run(List<String> arguments) throws Exception {
		Instant started = Instant.now();
		if (!this.intakeLock.acquire()) {
			System.err.println(IntakeLock.heldElsewhere() + " This run-once took nothing in and settled nothing:"
					+ " let that process do the work, or stop it and run again.");
			return 1;
		}
		this.crashRecovery.recoverDeadOwners();
		List<JobExecution> executions = new ArrayList<>();
		if (this.referenceImport.configuredDir().isPresent()) {
			ReferenceImport.Outcome reference = this.referenceImport
				.importFrom(this.referenceImport.configuredDir().get());
			executions.add(reference.execution());
			if (!reference.succeeded()) {
				reference.problems().forEach(System.err::println);
				System.err.println("The reference data was not imported completely: no claim was taken in or settled; "
						+ reference.whatToDo());
				return 1;
			}
		}
		if (this.credits.configuredDir().isPresent()
				&& !importCredits(this.credits.configuredDir().get(), executions)) {
			return 1;
		}
		ClaimIntake.Resumed resumed = this.intake.resumeUnfinished();
		executions.addAll(resumed.executions());
		for (RunOnceStage stage : this.stages) {
			executions.addAll(stage.beforeIntake());
		}
		List<JobExecution> intakes = this.intake.takeEverythingNow().stream().toList();
		executions.addAll(intakes);
		List<JobExecution> settled = List.of();
		List<String> notSettled = new ArrayList<>(resumed.failures());
		try {
			settled = this.settlement.settleEverythingWaiting();
		}
		catch (SettlementLauncher.SettlementRefused ex) {
			notSettled.add(ex.getMessage());
		}
		executions.addAll(settled);
		for (RunOnceStage stage : this.stages) {
			executions.addAll(stage.afterSettlement());
		}
		List<JobExecution> allIntakes = executions.stream()
			.filter(e -> "claimIntakeJob".equals(e.getJobInstance().getJobName()))
			.toList();
		log.info("run-once phases: {}", RunOncePhases.of(started, executions));
		return report(executions, this.intake.counts(allIntakes), settled, notSettled);
	}

	// claims are valued against the balances: none is taken in while a credits file waits
	private boolean importCredits(Path dir, List<JobExecution> executions) throws Exception {
		for (AccountCredits.Outcome outcome : this.credits.importFolder(dir)) {
			if (!outcome.earlier()) {
				executions.add(outcome.execution());
			}
			outcome.problems().forEach(System.err::println);
			if (!outcome.succeeded()) {
				System.err.println(outcome.summary());
				System.err
					.println("The credits of " + dir + " were not all imported: no claim was taken in or settled.");
				return false;
			}
			log.info("Credits: {}", outcome.summary());
		}
		return true;
	}

	private static int report(List<JobExecution> executions, ClaimIntake.FileCounts files, List<JobExecution> settled,
			List<String> notResumed) {
		System.out.printf("run-once: %d claim file(s) taken in (%d accepted, %d rejected as a whole), settlement %s%n",
				files.files(), files.accepted(), files.rejected(),
				settled.isEmpty() ? "not run"
						: settled.stream()
							.map(e -> "execution " + e.getId() + " " + e.getStatus())
							.collect(Collectors.joining(", then ")));
		List<JobExecution> failed = executions.stream().filter(e -> e.getStatus() != BatchStatus.COMPLETED).toList();
		for (JobExecution execution : failed) {
			System.err.printf("%s execution %d ended %s: %s. Fix the cause, then 'restart %d' or run-once again.%n",
					execution.getJobInstance().getJobName(), execution.getId(), execution.getStatus(),
					OperatorMessages.whyNotCompleted(execution), execution.getId());
		}
		// a file whose intake could not even be resumed has no execution to report: it
		// must not pass unseen
		notResumed.forEach(System.err::println);
		log.info("run-once finished: {} job executions, {} not completed, {} unfinished intakes not resumed",
				executions.size(), failed.size(), notResumed.size());
		return (failed.isEmpty() && notResumed.isEmpty()) ? 0 : 1;
	}

}
