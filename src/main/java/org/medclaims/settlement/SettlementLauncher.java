package org.medclaims.settlement;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.medclaims.intake.ClaimIntake;
import org.medclaims.system.OperatorMistake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The one way settlement runs start: the settle command, the API, the nightly schedule,
 * run-once and the demo all come here. A new run settles every claim waiting now and
 * writes every due response. Never while a file taken in is not decided yet: its claims
 * would be settled after later ones of the same households (settlement never settles
 * around a hole), unless an operator says so. Unattended starts (the schedule, run-once,
 * the demo) first restart the last run when a fault or a crash left it FAILED or STOPPED,
 * so that it does not stay behind unfinished; an operator's command starts a new run and
 * leaves the unfinished one to {@code restart}.
 */
@Service
public class SettlementLauncher {

	/**
	 * The job parameter that records an operator's choice to settle despite unfinished
	 * intakes.
	 */
	public static final String DESPITE_UNFINISHED_INTAKE = "despiteUnfinishedIntake";

	private static final Logger log = LoggerFactory.getLogger(SettlementLauncher.class);

	private final JobOperator jobOperator;

	private final Job settlementJob;

	private final ClaimIntake intake;

	private final JobRepository jobRepository;

	SettlementLauncher(JobOperator jobOperator, @Qualifier(SettlementJobConfiguration.JOB_NAME) Job settlementJob,
			ClaimIntake intake, JobRepository jobRepository) {
		this.jobOperator = jobOperator;
		this.settlementJob = settlementJob;
		this.intake = intake;
		this.jobRepository = jobRepository;
	}

	/**
	 * Runs the job in the caller's thread and returns when it has ended; refused while an
	 * intake is unfinished.
	 */
	public JobExecution settle() throws Exception {
		return settle(false);
	}

	/**
	 * @param despiteUnfinishedIntake settle even while files taken in are not decided (an
	 * operator's explicit choice, recorded with the execution)
	 * @throws SettlementRefused when an intake is unfinished and that was not chosen
	 */
	public synchronized JobExecution settle(boolean despiteUnfinishedIntake) throws Exception {
		JobParametersBuilder parameters = new JobParametersBuilder().addLong("run", System.currentTimeMillis());
		List<ClaimIntake.UndecidedFile> undecided = this.intake.undecided();
		if (!undecided.isEmpty()) {
			if (!despiteUnfinishedIntake) {
				throw new SettlementRefused(undecided);
			}
			String files = undecided.stream().map(Object::toString).collect(Collectors.joining(", "));
			log.warn("Settling despite {} file(s) not taken in completely, as the operator chose: {}", undecided.size(),
					files);
			parameters.addString(DESPITE_UNFINISHED_INTAKE, files, false);
		}
		JobExecution execution = this.jobOperator.start(this.settlementJob, parameters.toJobParameters());
		log.info("Settlement run {} ended {} ({})", execution.getId(), execution.getStatus(),
				execution.getExitStatus().getExitCode());
		return execution;
	}

	/**
	 * Settles everything waiting, unattended: the restart of the unfinished run, if any,
	 * then (when that completed) a new run for the files accepted since; each execution
	 * started. Refused, before anything starts, while a file taken in is not decided yet.
	 * @throws SettlementRefused when an intake is unfinished
	 */
	public synchronized List<JobExecution> settleEverythingWaiting() throws Exception {
		refusal().ifPresent(why -> {
			throw new SettlementRefused(why);
		});
		Optional<JobExecution> unfinished = lastUnfinished();
		if (unfinished.isEmpty()) {
			return List.of(settle());
		}
		log.info("Restarting settlement execution {}, left {}", unfinished.get().getId(), unfinished.get().getStatus());
		JobExecution restarted = this.jobOperator.restart(unfinished.get());
		if (restarted.getStatus() != BatchStatus.COMPLETED) {
			return List.of(restarted);
		}
		// the restart settled only what its run had grouped: files accepted since need a
		// run of their own
		return List.of(restarted, settle());
	}

	/**
	 * Starts a new run on {@code background}'s threads and returns at once (the API);
	 * refused while an intake is unfinished or a settlement runs.
	 * @throws SettlementRefused when it may not start now
	 */
	public synchronized JobExecution startInBackground(JobOperator background) throws Exception {
		refusal().ifPresent(why -> {
			throw new SettlementRefused(why);
		});
		Optional<JobExecution> running = this.jobRepository
			.findRunningJobExecutions(SettlementJobConfiguration.JOB_NAME)
			.stream()
			.findFirst();
		if (running.isPresent()) {
			throw new SettlementRefused("Settlement execution " + running.get().getId() + " is already "
					+ running.get().getStatus() + ": wait for it to end, or restart it if a crash left it so.");
		}
		return background.start(this.settlementJob,
				new JobParametersBuilder().addLong("run", System.currentTimeMillis()).toJobParameters());
	}

	private Optional<JobExecution> lastUnfinished() {
		List<JobInstance> instances = this.jobRepository.getJobInstances(SettlementJobConfiguration.JOB_NAME, 0, 1);
		if (instances.isEmpty()) {
			return Optional.empty();
		}
		JobExecution last = this.jobRepository.getLastJobExecution(instances.get(0));
		boolean restartable = last != null
				&& (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED);
		return restartable ? Optional.of(last) : Optional.empty();
	}

	/** Why a settlement may not start now, in one sentence; empty when it may. */
	public Optional<String> refusal() {
		List<ClaimIntake.UndecidedFile> undecided = this.intake.undecided();
		return undecided.isEmpty() ? Optional.empty() : Optional.of(new SettlementRefused(undecided).getMessage());
	}

	/** Settlement waits for files whose intake is unfinished. */
	public static class SettlementRefused extends OperatorMistake {

		SettlementRefused(String sentence) {
			super(sentence);
		}

		SettlementRefused(List<ClaimIntake.UndecidedFile> undecided) {
			this("Settlement waits: " + undecided.size() + " claim file(s) taken in are not decided yet ("
					+ undecided.stream().limit(10).map(Object::toString).collect(Collectors.joining(", "))
					+ (undecided.size() > 10 ? ", …" : "") + "), and their claims must be settled in order with the"
					+ " others. Restart " + executions(undecided) + " (or abandon it), then settle;"
					+ " 'settle --despite-unfinished-intake' settles without them.");
		}

		private static String executions(List<ClaimIntake.UndecidedFile> undecided) {
			List<String> ids = undecided.stream()
				.map(ClaimIntake.UndecidedFile::executionId)
				.distinct()
				.map(id -> (id != null) ? "intake execution " + id : "the intake (run-once or serve start it)")
				.toList();
			return String.join(", ", ids);
		}

	}

}
