package org.medclaims.operations;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * How long each phase of a {@code run-once} took, from its job executions: the JVM and
 * Spring start, the reference import, the intake, and settlement's grouping, settling and
 * responses. One line in the log, which the benchmark reads.
 */
final class RunOncePhases {

	private RunOncePhases() {
	}

	static String of(Instant commandStarted, List<JobExecution> executions) {
		Map<String, Duration> phases = new LinkedHashMap<>();
		phases.put("start", Duration.between(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()),
				commandStarted));
		phases.put("reference import", jobs(executions, "referenceImportJob"));
		phases.put("intake", jobs(executions, "claimIntakeJob"));
		phases.put("grouping", steps(executions, "groupHouseholds"));
		phases.put("settlement",
				steps(executions, "settleHouseholds").plus(steps(executions, "settleHouseholdPartition")));
		phases.put("responses", steps(executions, "writeResponses"));
		return phases.entrySet()
			.stream()
			.map(e -> String.format("%s %.1f s", e.getKey(), e.getValue().toMillis() / 1000.0))
			.collect(Collectors.joining(", "));
	}

	private static Duration jobs(List<JobExecution> executions, String jobName) {
		return executions.stream()
			.filter(e -> jobName.equals(e.getJobInstance().getJobName()))
			.map(e -> between(e.getStartTime(), e.getEndTime()))
			.reduce(Duration.ZERO, Duration::plus);
	}

	// a step of the settlement run; partitions (named step:partition) are inside their
	// manager step
	private static Duration steps(List<JobExecution> executions, String stepName) {
		return executions.stream()
			.filter(e -> "settlementJob".equals(e.getJobInstance().getJobName()))
			.flatMap(e -> e.getStepExecutions().stream())
			.filter(s -> stepName.equals(s.getStepName()))
			.map(RunOncePhases::duration)
			.reduce(Duration.ZERO, Duration::plus);
	}

	private static Duration duration(StepExecution step) {
		return between(step.getStartTime(), step.getEndTime());
	}

	private static Duration between(LocalDateTime start, LocalDateTime end) {
		return (start == null || end == null) ? Duration.ZERO : Duration.between(start, end);
	}

}
