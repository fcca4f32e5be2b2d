package org.medclaims.intake;

/**
 * Published after every run of claimIntakeJob, whatever its outcome.
 *
 * @param arrivalId the {@code claim_file} row
 * @param hospitalCode null when the file name gives none
 * @param exitCode {@code COMPLETED} (accepted, claims staged), {@code REJECTED} (whole file
 * rejected) or {@code FAILED} (a fault; the file waits for a restart)
 */
public record ClaimFileProcessed(long arrivalId, String fileName, String hospitalCode, String exitCode) {
}
