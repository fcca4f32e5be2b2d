package org.medclaims.intake;

import java.util.Optional;

import org.medclaims.claims.Arrival;
import org.medclaims.claims.ClaimFiles;
import org.medclaims.system.StepHandBacks;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * A file's partition starts only when every earlier arrival of its hospital is decided,
 * so claim numbers, F_DUPLICATE and F_SEQUENCE are decided as by one sequential intake; a
 * rejected file's partition ends with exit status {@code REJECTED} and its code.
 */
class FileTurn implements StepExecutionListener {

	static final String REJECTED = "REJECTED";

	private final ClaimFiles claimFiles;

	private final long arrivalId;

	private final JobRepository jobRepository;

	FileTurn(ClaimFiles claimFiles, long arrivalId, JobRepository jobRepository) {
		this.claimFiles = claimFiles;
		this.arrivalId = arrivalId;
		this.jobRepository = jobRepository;
	}

	/**
	 * Waits while an earlier file of the hospital is being taken in by another worker;
	 * hands this partition back (behind it in the queue) while that one waits for a
	 * worker; fails when it will not be decided in this execution. On local threads a
	 * hospital's files run in order: the earlier one has run, and failed.
	 */
	@Override
	public void beforeStep(StepExecution stepExecution) {
		Arrival arrival = this.claimFiles.find(this.arrivalId);
		if (arrival.status() != Arrival.Status.RECEIVED) {
			return;
		}
		for (Optional<Arrival> earlier = this.claimFiles.undecidedBefore(arrival); earlier
			.isPresent(); earlier = this.claimFiles.undecidedBefore(arrival)) {
			BatchStatus partition = partitionOf(earlier.get(), stepExecution);
			if (partition == BatchStatus.STARTED) {
				pause();
			}
			else if (partition == BatchStatus.STARTING) {
				StepHandBacks.handBack(stepExecution);
				String why = "Claim file " + arrival.fileName() + " waits for " + earlier.get().fileName()
						+ ", which no worker runs yet: handed back behind it.";
				throw new IntakeFault(why, new JobInterruptedException(why));
			}
			else {
				throw new IntakeFault("Claim file " + arrival.fileName() + " waits for " + earlier.get().fileName()
						+ " (arrival " + earlier.get().id() + ") of the same hospital, whose intake did not finish: its"
						+ " files are taken in one after another. Restart the intake of batch "
						+ earlier.get().batchId() + " (or abandon it), then restart this one.");
			}
		}
	}

	// the status of the earlier file's partition in this execution; null when it has none
	// here
	private BatchStatus partitionOf(Arrival earlier, StepExecution stepExecution) {
		if (earlier.batchId() != arrival().batchId()) {
			return null;
		}
		StepExecution partition = this.jobRepository.getLastStepExecution(
				stepExecution.getJobExecution().getJobInstance(),
				ClaimIntakeJobConfiguration.FILE_STEP + ":" + ArrivalPartitioner.name(earlier));
		return (partition != null && partition.getJobExecutionId() == stepExecution.getJobExecutionId())
				? partition.getStatus() : null;
	}

	private Arrival arrival() {
		return this.claimFiles.find(this.arrivalId);
	}

	private static void pause() {
		try {
			Thread.sleep(250); // the earlier file is being taken in elsewhere: its
								// decision is what is awaited
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IntakeFault("Interrupted while waiting for an earlier file of the same hospital.");
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		Arrival arrival = this.claimFiles.find(this.arrivalId);
		if (arrival.status() == Arrival.Status.REJECTED
				&& stepExecution.getExitStatus().getExitCode().equals(ExitStatus.COMPLETED.getExitCode())) {
			return new ExitStatus(REJECTED, arrival.rejectCode());
		}
		return null;
	}

}
