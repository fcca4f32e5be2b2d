package org.medclaims.operations;

import org.springframework.batch.core.job.JobExecution;

/**
 * Published once an operator has abandoned an execution: the job's own data may have to
 * follow.
 */
public record ExecutionAbandoned(JobExecution execution) {
}
