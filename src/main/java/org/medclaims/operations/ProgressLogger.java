package org.medclaims.operations;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Logs a chunk step's progress every N items written: done/total, rate and ETA. Attach it
 * to any chunk step with {@code .listener(progressLogger)}; the total comes from a
 * supplier asked when the step starts (return a negative number when unknown). Given a
 * JdbcTemplate it also records the total in {@code step_progress}, for the dashboard's
 * progress figure. Safe for partitioned steps: it keeps one count per step execution.
 */
public class ProgressLogger implements StepExecutionListener, ItemWriteListener<Object> {

	private static final Logger log = LoggerFactory.getLogger(ProgressLogger.class);

	private final long every;

	private final LongSupplier total;

	private final JdbcTemplate jdbc;

	private final Map<Long, Progress> steps = new ConcurrentHashMap<>();

	public ProgressLogger(long every, LongSupplier total, JdbcTemplate jdbc) {
		if (every <= 0) {
			throw new IllegalArgumentException("every must be positive, not " + every);
		}
		this.every = every;
		this.total = total;
		this.jdbc = jdbc;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		long expected = this.total.getAsLong();
		this.steps.put(stepExecution.getId(),
				new Progress(stepExecution.getStepName(), expected < 0 ? -1 : expected, System.nanoTime()));
		if (this.jdbc != null && expected >= 0) {
			this.jdbc.update("INSERT INTO step_progress (step_execution_id, total) VALUES (?, ?)"
					+ " ON CONFLICT (step_execution_id) DO UPDATE SET total = excluded.total, updated_at = now()",
					stepExecution.getId(), expected);
		}
		log.info("{}: starting, {} items to do", stepExecution.getStepName(), expected < 0 ? "unknown" : expected);
	}

	@Override
	public void afterWrite(Chunk<?> items) {
		Progress progress = current();
		if (progress == null) {
			return;
		}
		long before = progress.done.getAndAdd(items.size());
		long after = before + items.size();
		if (after / this.every > before / this.every) {
			log.info(progress.line(after));
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		Progress progress = this.steps.remove(stepExecution.getId());
		if (progress != null) {
			Duration took = Duration.ofNanos(System.nanoTime() - progress.startNanos);
			log.info("{}: {} after {} items in {} ({} items/s)", progress.step, stepExecution.getStatus(),
					progress.done.get(), ExecutionSummary.format(took), Math.round(progress.rate(progress.done.get())));
		}
		return null;
	}

	/**
	 * Progress of the step execution running on this thread: the chunk does not name its
	 * step.
	 */
	private Progress current() {
		StepContext context = StepSynchronizationManager.getContext();
		if (context != null) {
			return this.steps.get(context.getStepExecution().getId());
		}
		return this.steps.size() == 1 ? this.steps.values().iterator().next() : null;
	}

	private static final class Progress {

		private final String step;

		private final long total;

		private final long startNanos;

		private final AtomicLong done = new AtomicLong();

		Progress(String step, long total, long startNanos) {
			this.step = step;
			this.total = total;
			this.startNanos = startNanos;
		}

		double rate(long done) {
			double seconds = (System.nanoTime() - this.startNanos) / 1e9;
			return seconds <= 0 ? 0 : done / seconds;
		}

		String line(long done) {
			double rate = rate(done);
			if (this.total <= 0) {
				return String.format("%s: %,d items done, %,.0f items/s", this.step, done, rate);
			}
			String eta = rate <= 0 ? "unknown"
					: ExecutionSummary.format(Duration.ofSeconds(Math.round(Math.max(0, this.total - done) / rate)));
			return String.format("%s: %,d/%,d items (%.1f%%), %,.0f items/s, ETA %s", this.step, done, this.total,
					done * 100.0 / this.total, rate, eta);
		}

	}

}
