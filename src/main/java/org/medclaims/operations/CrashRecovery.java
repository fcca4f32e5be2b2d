package org.medclaims.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * Marks FAILED the executions a crash left STARTED or STOPPING: only those whose recorded
 * owner is a process of this host that is no longer alive. A live owner, an owner on
 * another host or an execution without an owner row is left alone, so a command run
 * beside a live {@code serve} never touches its executions.
 */
@Service
public class CrashRecovery {

	private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final ExecutionOwners owners;

	CrashRecovery(JobRepository jobRepository, JobOperator jobOperator, ExecutionOwners owners) {
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.owners = owners;
	}

	/**
	 * Marks FAILED every running execution whose owner on this host died; returns their
	 * ids.
	 */
	public List<Long> recoverDeadOwners() {
		List<JobExecution> running = this.jobRepository.getJobNames()
			.stream()
			.flatMap(job -> this.jobRepository.findRunningJobExecutions(job).stream())
			.sorted(Comparator.comparingLong(JobExecution::getId))
			.toList();
		List<Long> recovered = new ArrayList<>();
		for (JobExecution execution : running) {
			long id = execution.getId();
			Ownership ownership = ownership(execution);
			switch (ownership.state()) {
				case DEAD -> {
					markFailed(execution, ownership.owner().get());
					recovered.add(id);
				}
				case ALIVE -> log.debug("Execution {} is running in live {}: left alone", id, ownership.owner().get());
				case ELSEWHERE -> log.info("Execution {} of {} is {} in {} (another host): left alone", id,
						execution.getJobInstance().getJobName(), execution.getStatus(), ownership.owner().get());
				case UNKNOWN -> log.warn(
						"Execution {} of {} is {} but has no recorded owner: left alone;"
								+ " stop and abandon it if no process runs it",
						id, execution.getJobInstance().getJobName(), execution.getStatus());
			}
		}
		if (!recovered.isEmpty()) {
			log.warn("Marked FAILED the executions {} left running by processes that died; restart them with"
					+ " 'restart <id>'", recovered);
		}
		return recovered;
	}

	/** Who runs a running execution, and whether that process still lives. */
	public Ownership ownership(JobExecution execution) {
		Optional<ExecutionOwner> owner = this.owners.ownerOf(execution.getId());
		return new Ownership(stateOf(owner), owner);
	}

	/** Whether the recorded owner, if any, still runs. */
	static OwnerState stateOf(Optional<ExecutionOwner> owner) {
		if (owner.isEmpty()) {
			return OwnerState.UNKNOWN;
		}
		if (!owner.get().isOnThisHost()) {
			return OwnerState.ELSEWHERE;
		}
		return owner.get().isAlive() ? OwnerState.ALIVE : OwnerState.DEAD;
	}

	/**
	 * Marks one execution and its running steps FAILED, saying which dead process left
	 * it: the caller has checked the owner is dead.
	 */
	public JobExecution markFailed(JobExecution execution, ExecutionOwner deadOwner) {
		String description = deadOwner + " died while running this execution: marked FAILED at start of "
				+ this.owners.command();
		List<StepExecution> runningSteps = execution.getStepExecutions()
			.stream()
			.filter(s -> s.getStatus().isRunning())
			.toList();
		JobExecution recovered = this.jobOperator.recover(execution);
		for (StepExecution step : runningSteps) {
			step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), description));
			this.jobRepository.update(step);
		}
		if (recovered.getStatus() == BatchStatus.FAILED) {
			recovered.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), description));
			this.jobRepository.update(recovered);
		}
		log.warn("Execution {} of {}: {}", recovered.getId(), recovered.getJobInstance().getJobName(), description);
		return recovered;
	}

	/** Whether the owner of a running execution lives. */
	public enum OwnerState {

		/** Its owner is a live process of this host. */
		ALIVE,
		/** Its owner was a process of this host that has ended: a crash. */
		DEAD,
		/** Its owner is on another host; only that host can tell. */
		ELSEWHERE,
		/**
		 * No owner was recorded (created outside medclaims, or older than the records:
		 * see OwnerRecording).
		 */
		UNKNOWN

	}

	public record Ownership(OwnerState state, Optional<ExecutionOwner> owner) {

	}

}
