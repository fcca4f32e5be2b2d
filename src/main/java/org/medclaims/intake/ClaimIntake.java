package org.medclaims.intake;

import org.medclaims.system.OperatorMessages;
import org.medclaims.system.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Takes claim files in: records each arrival ({@code claim_file}, RECEIVED) and runs its own
 * claimIntakeJob instance to the end, synchronously. Callers are the inbound folder flow,
 * {@code run-once} and the SFTP fetcher. Never call it inside a transaction.
 */
@Service
public class ClaimIntake {

	public static final String LOCAL = "LOCAL";

	public static final String SFTP = "SFTP";

	private static final Logger log = LoggerFactory.getLogger(ClaimIntake.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job claimIntakeJob;

	private final Arrivals arrivals;

	private final InboundFolder inbound;

	private final JdbcTemplate jdbc;

	ClaimIntake(JobOperator jobOperator, JobRepository jobRepository, Job claimIntakeJob, Arrivals arrivals,
			InboundFolder inbound, JdbcTemplate jdbc) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.claimIntakeJob = claimIntakeJob;
		this.arrivals = arrivals;
		this.inbound = inbound;
		this.jdbc = jdbc;
	}

	/**
	 * Records the arrival of {@code file}, then runs its intake to the end.
	 * @param file the local file; the intake moves it to the archive or rejected area
	 * @param source {@link #LOCAL} or {@link #SFTP}
	 * @param sourcePath where it came from (the remote path for SFTP)
	 * @throws ArrivalNotRecorded when not even the arrival could be recorded (database down,
	 * unreadable file): nothing happened, the file may be offered again
	 */
	// one intake at a time in this process (folder poller, SFTP, retries): claim numbers and F_DUPLICATE
	// are decided in arrival order, and a retry never starts an arrival that is being received
	public synchronized JobExecution receive(Path file, String source, String sourcePath) {
		if (!LOCAL.equals(source) && !SFTP.equals(source)) {
			throw new IllegalArgumentException("source must be LOCAL or SFTP, not " + source);
		}
		long arrivalId;
		String sha256;
		String name = file.getFileName().toString();
		try {
			Sha256.Hashed digest = Sha256.of(file);
			sha256 = digest.hex();
			arrivalId = this.arrivals.record(name, sha256, digest.size(), source, sourcePath, file);
		}
		catch (IOException | RuntimeException ex) {
			throw new ArrivalNotRecorded("Could not record the arrival of claim file " + file + ": " + ex.getMessage(),
					ex);
		}
		log.info("Claim file {} arrived from {} {} as arrival {} (SHA-256 {})", name, source, sourcePath, arrivalId,
				sha256);
		JobParameters parameters = parameters(arrivalId, sha256, name);
		try {
			return finished(arrivalId, this.jobOperator.start(this.claimIntakeJob, parameters));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Claim file " + name + " (arrival " + arrivalId
					+ ") is recorded but its intake could not start: " + ex.getMessage()
					+ "; it is resumed at the next start.", ex);
		}
	}

	/**
	 * For {@code run-once}: every file in the inbound folder not taken before (temporary names
	 * left alone), in file-name order, each through {@link #receive}.
	 */
	public List<JobExecution> takeEverythingNow() {
		this.inbound.forgetFilesNeverReceived(this.arrivals);
		List<JobExecution> executions = new ArrayList<>();
		for (Path file : this.inbound.takeNewFiles()) {
			try {
				executions.add(receive(file, LOCAL, file.toString()));
			}
			catch (ArrivalNotRecorded ex) {
				this.inbound.forget(file);
				throw ex;
			}
		}
		return executions;
	}

	/** {@link #resumeUnfinished(Predicate)} leaving alone every execution still marked running. */
	public Resumed resumeUnfinished() {
		return resumeUnfinished(execution -> false);
	}

	/**
	 * Finishes the arrivals a crash or a fault left unfinished (RECEIVED, or decided but not
	 * yet moved): starts the intake never started,
	 * restarts the FAILED or STOPPED execution of the same instance.
	 * @param ownerIsGone says of an execution still marked STARTED or STOPPING whether no live
	 * process runs it any more; it is then recovered (marked FAILED) and restarted, else left alone
	 */
	public synchronized Resumed resumeUnfinished(Predicate<JobExecution> ownerIsGone) {
		List<JobExecution> executions = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (Arrival arrival : this.arrivals.unfinished()) {
			JobParameters parameters = parameters(arrival.id(), arrival.sha256(), arrival.fileName());
			try {
				JobExecution last = this.jobRepository.getLastJobExecution(ClaimIntakeJobConfiguration.JOB_NAME,
						parameters);
				if (last == null) {
					dropInstanceWithoutExecution(arrival, parameters);
					log.info("Starting the intake of {} (arrival {}), recorded but never started", arrival.fileName(),
							arrival.id());
					executions.add(finished(arrival.id(), this.jobOperator.start(this.claimIntakeJob, parameters)));
					continue;
				}
				BatchStatus status = last.getStatus();
				if (status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING) {
					if (!ownerIsGone.test(last)) {
						log.info("Intake of {} (arrival {}) is still running as execution {}: left alone",
								arrival.fileName(), arrival.id(), last.getId());
						continue;
					}
					last = this.jobOperator.recover(last);
					status = last.getStatus();
				}
				if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
					log.info("Restarting the intake of {} (arrival {}), execution {} ended {}", arrival.fileName(),
							arrival.id(), last.getId(), status);
					executions.add(finished(arrival.id(), this.jobOperator.restart(last)));
				}
				else if (status == BatchStatus.ABANDONED) {
					log.info("Intake of {} (arrival {}) was abandoned by an operator (execution {}): left alone",
							arrival.fileName(), arrival.id(), last.getId());
				}
				else {
					log.warn("Intake of {} (arrival {}) is unfinished but its execution {} is {}: left for an operator",
							arrival.fileName(), arrival.id(), last.getId(), status);
					failures.add("The intake of claim file " + arrival.fileName() + " (arrival " + arrival.id()
							+ ") is unfinished but its execution " + last.getId() + " is " + status
							+ ": an operator must look at it.");
				}
			}
			catch (Exception ex) {
				log.error("Could not resume the intake of {} (arrival {}): {}", arrival.fileName(), arrival.id(),
						ex.getMessage(), ex);
				failures.add("The intake of claim file " + arrival.fileName() + " (arrival " + arrival.id()
						+ ") could not be resumed. " + OperatorMessages.describe(ex));
			}
		}
		return new Resumed(executions, failures);
	}

	/**
	 * A process killed after it created the arrival's job instance and before its first execution
	 * leaves an instance that {@code start} refuses for ever ("Cannot find any job execution"):
	 * removed, unless an execution came meanwhile, so the intake starts afresh.
	 */
	private void dropInstanceWithoutExecution(Arrival arrival, JobParameters parameters) {
		JobInstance instance = this.jobRepository.getJobInstance(ClaimIntakeJobConfiguration.JOB_NAME, parameters);
		if (instance == null) {
			return;
		}
		int dropped = this.jdbc.update("""
				DELETE FROM batch_job_instance i WHERE i.job_instance_id = ?
				  AND NOT EXISTS (SELECT 1 FROM batch_job_execution e WHERE e.job_instance_id = i.job_instance_id)
				""", instance.getInstanceId());
		if (dropped == 1) {
			log.warn("Intake of {} (arrival {}): job instance {} was left without any execution by a crash; removed",
					arrival.fileName(), arrival.id(), instance.getInstanceId());
		}
	}

	private JobExecution finished(long arrivalId, JobExecution execution) {
		Arrival arrival = this.arrivals.find(arrivalId);
		if (!Arrival.RECEIVED.equals(arrival.status()) && !Files.exists(arrival.localPath())) {
			// a new file of the same name is then a new arrival, whatever its modification time
			this.inbound.forget(arrival.localPath());
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			log.error("Intake of {} (arrival {}) ended {}: {}; the file stays at {} until the execution {} is restarted",
					arrival.fileName(), arrivalId, execution.getStatus(), failure(execution), arrival.localPath(),
					execution.getId());
		}
		return execution;
	}

	private static String failure(JobExecution execution) {
		return execution.getAllFailureExceptions()
			.stream()
			.map(t -> {
				Throwable root = t;
				while (root.getCause() != null && root.getCause() != root) {
					root = root.getCause();
				}
				return root.getMessage();
			})
			.findFirst()
			.orElse(execution.getExitStatus().getExitDescription());
	}

	static JobParameters parameters(long arrivalId, String sha256, String fileName) {
		return new JobParametersBuilder().addLong(ClaimIntakeJobConfiguration.ARRIVAL_ID, arrivalId)
			.addString(ClaimIntakeJobConfiguration.SHA256, sha256)
			.addString(ClaimIntakeJobConfiguration.FILE, fileName, false)
			.toJobParameters();
	}

	/**
	 * What {@link #resumeUnfinished} ran, and a sentence for each unfinished arrival it could not
	 * resume (the file then stays where it is).
	 */
	public record Resumed(List<JobExecution> executions, List<String> failures) {

	}

	/** Not even the arrival could be recorded: nothing happened, the file may be offered again. */
	public static class ArrivalNotRecorded extends RuntimeException {

		ArrivalNotRecorded(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
