package org.medclaims.intake;

/**
 * Published after every run of claimIntakeJob, whatever its outcome.
 *
 * @param batchId the intake batch
 * @param files the files of the batch
 * @param completed whether every file of it was decided (accepted or rejected)
 */
public record ClaimFilesProcessed(long batchId, long files, long accepted, long rejected, boolean completed) {
}
