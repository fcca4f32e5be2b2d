package org.medclaims.settlement;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.medclaims.intake.ClaimIntake;
import org.medclaims.system.OperatorMistake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Starts a new settlement run: every claim waiting now is settled and every due response
 * written. Never while a file taken in is not decided yet: its claims would be settled
 * after later ones of the same households (settlement never settles around a hole),
 * unless an operator says so.
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

	SettlementLauncher(JobOperator jobOperator, @Qualifier(SettlementJobConfiguration.JOB_NAME) Job settlementJob,
			ClaimIntake intake) {
		this.jobOperator = jobOperator;
		this.settlementJob = settlementJob;
		this.intake = intake;
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
