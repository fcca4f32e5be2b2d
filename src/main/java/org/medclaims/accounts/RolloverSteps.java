package org.medclaims.accounts;

import java.time.Clock;

import org.medclaims.system.OperatorMistake;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The tasklets around the rollover's chunks, and the result it shows as its exit
 * description.
 */
final class RolloverSteps {

	private RolloverSteps() {
	}

	static int year(JobExecution execution) {
		Long year = execution.getJobParameters().getLong(RolloverJobConfiguration.YEAR);
		if (year == null) {
			throw new OperatorMistake("A rollover needs the year: rollover <year>.");
		}
		return Math.toIntExact(year);
	}

	/**
	 * beginRollover: refuses a year done or out of order, else records that its rollover
	 * began.
	 */
	static final class Begin implements Tasklet {

		private final RolloverRules rules;

		private final RolloverRecords records;

		private final Clock clock;

		Begin(RolloverRules rules, RolloverRecords records, Clock clock) {
			this.rules = rules;
			this.records = records;
			this.clock = clock;
		}

		@Override
		public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
			JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
			int year = year(execution);
			this.rules.refusal(year).ifPresent(refusal -> {
				throw new OperatorMistake(refusal);
			});
			this.records.begin(year, execution.getId(), this.clock.instant());
			return RepeatStatus.FINISHED;
		}

	}

	/** finishRollover: the year is rolled over, by this execution. */
	static final class Finish implements Tasklet {

		private final RolloverRecords records;

		private final Clock clock;

		Finish(RolloverRecords records, Clock clock) {
			this.records = records;
			this.clock = clock;
		}

		@Override
		public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
			JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
			this.records.finish(year(execution), execution.getId(), this.clock.instant());
			return RepeatStatus.FINISHED;
		}

	}

	/**
	 * A completed rollover's exit description: persons rolled over, the total moved,
	 * persons with nothing to move.
	 */
	static final class Result implements JobExecutionListener {

		private final RolloverRecords records;

		Result(RolloverRecords records) {
			this.records = records;
		}

		@Override
		public void afterJob(JobExecution execution) {
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				this.records.find(year(execution))
					.ifPresent(done -> execution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(done.result())));
			}
		}

	}

}
