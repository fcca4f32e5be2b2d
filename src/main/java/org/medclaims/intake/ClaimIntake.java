package org.medclaims.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.medclaims.claims.Arrival;
import org.medclaims.claims.ClaimFiles;
import org.medclaims.operations.ExecutionAbandoned;
import org.medclaims.system.OperatorMessages;
import org.medclaims.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes claim files in: records a batch of arrivals ({@code claim_file}, RECEIVED) in one
 * transaction, then runs the batch's claimIntakeJob instance to the end, synchronously.
 * Callers are the inbound folder flow, {@code run-once} and the SFTP fetcher. Never call
 * it inside a transaction.
 */
@Service
public class ClaimIntake {

	public static final String LOCAL = "LOCAL";

	public static final String SFTP = "SFTP";

	private static final Logger log = LoggerFactory.getLogger(ClaimIntake.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job claimIntakeJob;

	private final IntakeBatches batches;

	private final ClaimFiles claimFiles;

	private final InboundFolder inbound;

	private final FileDecision decision;

	private final TransactionTemplate transaction;

	ClaimIntake(JobOperator jobOperator, JobRepository jobRepository, Job claimIntakeJob, IntakeBatches batches,
			ClaimFiles claimFiles, InboundFolder inbound, FileDecision decision,
			PlatformTransactionManager transactionManager) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.claimIntakeJob = claimIntakeJob;
		this.batches = batches;
		this.claimFiles = claimFiles;
		this.inbound = inbound;
		this.decision = decision;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** A file offered to the intake: the local copy it reads, and where it came from. */
	public record Incoming(Path file, String source, String sourcePath) {

		public Incoming {
			if (!LOCAL.equals(source) && !SFTP.equals(source)) {
				throw new IllegalArgumentException("source must be LOCAL or SFTP, not " + source);
			}
		}

		public static Incoming local(Path file) {
			return new Incoming(file, LOCAL, file.toAbsolutePath().toString());
		}

	}

	/** Records the arrival of one file, then runs its batch's intake to the end. */
	public JobExecution receive(Path file, String source, String sourcePath) {
		return receive(List.of(new Incoming(file, source, sourcePath)));
	}

	/**
	 * Records the arrival of every file, as one batch in file-name order, then runs its
	 * intake to the end.
	 * @param files the local files; the intake moves each to the archive or the rejected
	 * area
	 * @throws ArrivalNotRecorded when the arrivals could not be recorded (database down,
	 * unreadable file): nothing happened, the files may be offered again
	 */
	// one intake at a time in this process (folder poller, SFTP, retries): claim numbers
	// and F_DUPLICATE
	// are decided in arrival order, and a retry never starts a batch that is being
	// received
	public synchronized JobExecution receive(List<Incoming> files) {
		List<Incoming> sorted = files.stream()
			.sorted(Comparator.comparing((Incoming f) -> f.file().getFileName().toString()))
			.toList();
		Map<Incoming, Sha256.Hashed> digests = new LinkedHashMap<>();
		long batchId;
		try {
			for (Incoming file : sorted) {
				digests.put(file, Sha256.of(file.file()));
			}
			batchId = this.transaction.execute(status -> {
				long batch = this.batches.newBatch();
				digests.forEach((file, digest) -> this.claimFiles.record(batch, file.file().getFileName().toString(),
						digest.hex(), digest.size(), file.source(), file.sourcePath(), file.file()));
				return batch;
			});
		}
		catch (IOException | RuntimeException ex) {
			throw new ArrivalNotRecorded("Could not record the arrival of " + sorted.size() + " claim file(s) ("
					+ sorted.stream().map(f -> f.file().getFileName().toString()).limit(5).toList() + "): "
					+ ex.getMessage(), ex);
		}
		log.info("{} claim file(s) arrived as batch {}: {}", sorted.size(), batchId,
				sorted.stream().map(f -> f.file().getFileName().toString()).limit(20).toList());
		try {
			return finished(batchId, this.jobOperator.start(this.claimIntakeJob, parameters(batchId, sorted.size())));
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"Claim file batch " + batchId + " is recorded but its intake could not start: "
							+ OperatorMessages.describe(ex) + " It is resumed at the next start.",
					ex);
		}
	}

	/**
	 * For {@code run-once}: every file in the inbound folder not taken before (temporary
	 * names left alone), as one batch; empty when there is none.
	 */
	public Optional<JobExecution> takeEverythingNow() {
		this.inbound.forgetFilesNeverReceived(this.claimFiles);
		List<Path> files = this.inbound.takeNewFiles();
		if (files.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(receive(files.stream().map(Incoming::local).toList()));
		}
		catch (ArrivalNotRecorded ex) {
			files.forEach(this.inbound::forget);
			throw ex;
		}
	}

	/**
	 * {@link #resumeUnfinished(Predicate)} leaving alone every execution still marked
	 * running.
	 */
	public Resumed resumeUnfinished() {
		return resumeUnfinished(execution -> false);
	}

	/**
	 * Finishes the batches a crash or a fault left unfinished (an arrival RECEIVED, or
	 * decided but not yet moved): starts the intake never started, restarts the FAILED or
	 * STOPPED execution of the batch (which takes only its files not completed), and
	 * moves the files of a completed one.
	 * @param ownerIsGone says of an execution still marked STARTED or STOPPING whether no
	 * live process runs it any more; it is then recovered (marked FAILED) and restarted,
	 * else left alone
	 */
	public synchronized Resumed resumeUnfinished(Predicate<JobExecution> ownerIsGone) {
		List<JobExecution> executions = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		Map<Long, List<Arrival>> batches = new LinkedHashMap<>();
		this.claimFiles.unfinished().forEach(a -> batches.computeIfAbsent(a.batchId(), b -> new ArrayList<>()).add(a));
		for (Map.Entry<Long, List<Arrival>> batch : batches.entrySet()) {
			long batchId = batch.getKey();
			String files = batch.getValue().stream().map(Arrival::fileName).limit(5).toList().toString();
			try {
				resume(batchId, batch.getValue(), ownerIsGone).ifPresent(executions::add);
			}
			catch (Exception ex) {
				log.error("Could not resume the intake of batch {} {}: {}", batchId, files, ex.getMessage(), ex);
				failures.add("The intake of claim file batch " + batchId + " " + files + " could not be resumed. "
						+ OperatorMessages.describe(ex));
			}
		}
		return new Resumed(executions, failures);
	}

	private Optional<JobExecution> resume(long batchId, List<Arrival> unfinished, Predicate<JobExecution> ownerIsGone)
			throws Exception {
		JobParameters parameters = parameters(batchId, this.claimFiles.ofBatch(batchId).size());
		JobExecution last = this.jobRepository.getLastJobExecution(ClaimIntakeJobConfiguration.JOB_NAME, parameters);
		if (last == null) {
			dropInstanceWithoutExecution(batchId, parameters);
			log.info("Starting the intake of batch {}, recorded but never started", batchId);
			return Optional.of(finished(batchId, this.jobOperator.start(this.claimIntakeJob, parameters)));
		}
		BatchStatus status = last.getStatus();
		if (status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING) {
			if (!ownerIsGone.test(last)) {
				log.info("Intake of batch {} is still running as execution {}: left alone", batchId, last.getId());
				return Optional.empty();
			}
			last = this.jobOperator.recover(last);
			status = last.getStatus();
		}
		if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
			log.info("Restarting the intake of batch {}, execution {} ended {}", batchId, last.getId(), status);
			return Optional.of(finished(batchId, this.jobOperator.restart(last)));
		}
		if (status == BatchStatus.ABANDONED) {
			List<Arrival> abandoned = this.claimFiles.abandon(batchId);
			log.info("Intake of batch {} was abandoned by an operator (execution {}): {} file(s) left undecided",
					batchId, last.getId(), abandoned.size());
			return Optional.empty();
		}
		// completed, with files decided but not moved yet (the last step of their
		// partition was lost)
		for (Arrival arrival : unfinished) {
			if (!arrival.decided()) {
				throw new IllegalStateException("Arrival " + arrival.id() + " (" + arrival.fileName()
						+ ") is undecided though its intake execution " + last.getId() + " is " + status
						+ ": an operator must look at it.");
			}
			this.decision.publish(arrival.id());
		}
		return Optional.empty();
	}

	/** What became of the files of the batches these intake executions took in. */
	public FileCounts counts(List<JobExecution> intakes) {
		long files = 0;
		long accepted = 0;
		long rejected = 0;
		for (JobExecution intake : intakes) {
			Long batchId = intake.getJobParameters().getLong(ClaimIntakeJobConfiguration.BATCH);
			for (Arrival arrival : this.claimFiles.ofBatch(batchId)) {
				files++;
				accepted += (arrival.status() == Arrival.Status.ACCEPTED) ? 1 : 0;
				rejected += (arrival.status() == Arrival.Status.REJECTED) ? 1 : 0;
			}
		}
		return new FileCounts(files, accepted, rejected);
	}

	/**
	 * Files taken in, of which accepted and rejected as a whole (the rest not decided).
	 */
	public record FileCounts(long files, long accepted, long rejected) {
	}

	/**
	 * The files taken in but not decided yet (not abandoned), each with the intake
	 * execution to restart: settlement waits for them, so that no claim is settled around
	 * a hole.
	 */
	public List<UndecidedFile> undecided() {
		return this.claimFiles.undecided().stream().map(arrival -> {
			JobExecution last = this.jobRepository.getLastJobExecution(ClaimIntakeJobConfiguration.JOB_NAME,
					parameters(arrival.batchId(), 0));
			return new UndecidedFile(arrival.fileName(), arrival.id(), (last != null) ? last.getId() : null);
		}).toList();
	}

	/**
	 * A file taken in but not decided yet, and the execution that takes it in (null
	 * before it started).
	 */
	public record UndecidedFile(String fileName, long arrivalId, Long executionId) {

		@Override
		public String toString() {
			return this.fileName + " (arrival " + this.arrivalId
					+ ((this.executionId != null) ? ", intake execution " + this.executionId : ", intake not started")
					+ ")";
		}

	}

	/**
	 * An operator abandoned the intake execution of a batch: its undecided files are
	 * given up.
	 */
	@EventListener
	void abandoned(ExecutionAbandoned event) {
		JobExecution execution = event.execution();
		Long batchId = execution.getJobParameters().getLong(ClaimIntakeJobConfiguration.BATCH);
		if (ClaimIntakeJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName()) && batchId != null) {
			List<Arrival> abandoned = this.claimFiles.abandon(batchId);
			abandoned.forEach(a -> log.warn(
					"Claim file {} (arrival {}) is given up with its abandoned intake; the file" + " stays at {}",
					a.fileName(), a.id(), a.localPath()));
		}
	}

	/**
	 * A process killed after it created the batch's job instance and before its first
	 * execution leaves an instance that {@code start} refuses for ever ("Cannot find any
	 * job execution"): removed, unless an execution came meanwhile, so the intake starts
	 * afresh.
	 */
	private void dropInstanceWithoutExecution(long batchId, JobParameters parameters) {
		JobInstance instance = this.jobRepository.getJobInstance(ClaimIntakeJobConfiguration.JOB_NAME, parameters);
		if (instance == null) {
			return;
		}
		// under the intake lock: no execution of the batch can start between the look and
		// the removal
		if (this.jobRepository.getJobExecutions(instance).isEmpty()) {
			this.jobRepository.deleteJobInstance(instance);
			log.warn("Intake of batch {}: job instance {} was left without any execution by a crash; removed", batchId,
					instance.getInstanceId());
		}
	}

	private JobExecution finished(long batchId, JobExecution execution) {
		for (Arrival arrival : this.claimFiles.ofBatch(batchId)) {
			if (arrival.decided() && !Files.exists(arrival.localPath())) {
				// a new file of the same name is then a new arrival, whatever its
				// modification time
				this.inbound.forget(arrival.localPath());
			}
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			log.error(
					"Intake of batch {} ended {}: {}; its files not decided stay where they are until execution {} is"
							+ " restarted",
					batchId, execution.getStatus(), OperatorMessages.whyNotCompleted(execution), execution.getId());
		}
		return execution;
	}

	static JobParameters parameters(long batchId, int files) {
		return new JobParametersBuilder().addLong(ClaimIntakeJobConfiguration.BATCH, batchId)
			.addLong(ClaimIntakeJobConfiguration.FILES, (long) files, false)
			.toJobParameters();
	}

	/**
	 * What {@link #resumeUnfinished} ran, and a sentence for each unfinished batch it
	 * could not resume (its files then stay where they are).
	 */
	public record Resumed(List<JobExecution> executions, List<String> failures) {

	}

	/**
	 * Not even the arrivals could be recorded: nothing happened, the files may be offered
	 * again.
	 */
	public static class ArrivalNotRecorded extends RuntimeException {

		ArrivalNotRecorded(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
