package org.medclaims.accounts;

import org.medclaims.policy.Money;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a credit import did, as its exit description, which the execution, {@code jobs},
 * the jobs API and the dashboard show: the credits written and their total, or why the
 * file was not imported.
 */
class CreditResult implements JobExecutionListener {

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			return;
		}
		for (StepExecution step : execution.getStepExecutions()) {
			if (CreditFileCheck.INVALID.equals(step.getExitStatus().getExitCode())) {
				execution
					.setExitStatus(new ExitStatus(CreditFileCheck.INVALID, step.getExitStatus().getExitDescription()));
				return;
			}
			if (AccountCreditJobConfiguration.CREDIT_STEP.equals(step.getStepName())) {
				execution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(describe(step.getExecutionContext())));
			}
		}
	}

	static String describe(ExecutionContext context) {
		long toHistorical = context.getLong(CreditWriter.TO_HISTORICAL, 0L);
		return "Credited " + context.getLong(CreditWriter.WRITTEN, 0L) + " person-months, "
				+ Money.ofFen(context.getLong(CreditWriter.AMOUNT, 0L)) + " in all"
				+ (toHistorical > 0 ? " (" + toHistorical + " of rolled-over years, into historical accounts)" : "")
				+ "; " + context.getLong(CreditWriter.UNCHANGED, 0L) + " rows were credited already.";
	}

}
