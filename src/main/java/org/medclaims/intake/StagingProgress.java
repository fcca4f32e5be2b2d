package org.medclaims.intake;

import java.time.Duration;

import org.medclaims.intake.format.ParsedClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Logs the progress of stageClaims every so many claims: claims done, of how many, and the rate. */
class StagingProgress implements StepExecutionListener, ChunkListener<ParsedClaim, StagedClaim> {

	private static final Logger log = LoggerFactory.getLogger(StagingProgress.class);

	private final int every;

	private final String fileName;

	private final long total;

	private long started;

	private long done;

	private long nextReport;

	StagingProgress(int every, String fileName, long total) {
		this.every = Math.max(1, every);
		this.fileName = fileName;
		this.total = total;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.started = System.nanoTime();
		this.done = 0;
		this.nextReport = this.every;
	}

	@Override
	public void afterChunk(Chunk<StagedClaim> chunk) {
		this.done += chunk.size();
		if (this.done >= this.nextReport) {
			this.nextReport = (this.done / this.every + 1) * this.every;
			log.info("Staging {}: {} of {} claims in this run, {} claims/s", this.fileName, this.done, this.total,
					rate());
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		log.info("Staging {} ended {}: {} claims staged in this run in {} ({} claims/s)", this.fileName,
				stepExecution.getStatus(), this.done, Duration.ofNanos(System.nanoTime() - this.started), rate());
		return null;
	}

	private long rate() {
		double seconds = (System.nanoTime() - this.started) / 1e9;
		return seconds > 0 ? Math.round(this.done / seconds) : 0;
	}

}
