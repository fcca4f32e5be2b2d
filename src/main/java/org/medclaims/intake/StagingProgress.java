package org.medclaims.intake;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Logs the progress of a large file every so many claims, and what its partition did. */
class StagingProgress implements StepExecutionListener, ChunkListener<IntakeItem, IntakeItem> {

	private static final Logger log = LoggerFactory.getLogger(StagingProgress.class);

	private final int every;

	private final String fileName;

	private long started;

	private long done;

	private long nextReport;

	StagingProgress(int every, String fileName) {
		this.every = Math.max(1, every);
		this.fileName = fileName;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.started = System.nanoTime();
		this.done = 0;
		this.nextReport = this.every;
	}

	@Override
	public void afterChunk(Chunk<IntakeItem> chunk) {
		this.done += chunk.size();
		if (this.done >= this.nextReport) {
			this.nextReport = (this.done / this.every + 1) * this.every;
			log.info("Staging {}: {} claims in this run, {} claims/s", this.fileName, this.done, rate());
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		log.debug("Intake of {} ended {}: {} claims read in this run in {}", this.fileName, stepExecution.getStatus(),
				this.done, Duration.ofNanos(System.nanoTime() - this.started));
		return null;
	}

	private long rate() {
		double seconds = (System.nanoTime() - this.started) / 1e9;
		return seconds > 0 ? Math.round(this.done / seconds) : 0;
	}

}
