package org.medclaims.intake;

import java.util.Optional;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * A file's partition starts only when every earlier arrival of its hospital is decided, so claim
 * numbers, F_DUPLICATE and F_SEQUENCE are decided as by one sequential intake; a rejected file's
 * partition ends with exit status {@code REJECTED} and its code.
 */
class FileTurn implements StepExecutionListener {

	static final String REJECTED = "REJECTED";

	private final Arrivals arrivals;

	private final long arrivalId;

	FileTurn(Arrivals arrivals, long arrivalId) {
		this.arrivals = arrivals;
		this.arrivalId = arrivalId;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Arrival arrival = this.arrivals.find(this.arrivalId);
		if (arrival.status() != Arrival.Status.RECEIVED) {
			return;
		}
		Optional<Arrival> earlier = this.arrivals.undecidedBefore(arrival);
		if (earlier.isPresent()) {
			throw new IntakeFault("Claim file " + arrival.fileName() + " waits for " + earlier.get().fileName()
					+ " (arrival " + earlier.get().id() + ") of the same hospital, whose intake did not finish: its files"
					+ " are taken in one after another. Restart the intake of batch " + earlier.get().batchId()
					+ " (or abandon it), then restart this one.");
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		Arrival arrival = this.arrivals.find(this.arrivalId);
		if (arrival.status() == Arrival.Status.REJECTED && stepExecution.getExitStatus().getExitCode()
			.equals(ExitStatus.COMPLETED.getExitCode())) {
			return new ExitStatus(REJECTED, arrival.rejectCode());
		}
		return null;
	}

}
