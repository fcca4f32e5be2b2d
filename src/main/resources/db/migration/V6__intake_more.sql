-- Intake, second part: where an arrival is read from, every problem of a rejected file, claim counts.

-- The local file the intake reads while the arrival is RECEIVED (the inbound folder, or the SFTP
-- staging copy whose remote path is source_path); stored_path is where it lies once decided.
ALTER TABLE claim_file ADD COLUMN local_path TEXT;
UPDATE claim_file SET local_path = source_path WHERE local_path IS NULL;
ALTER TABLE claim_file ALTER COLUMN local_path SET NOT NULL;
ALTER TABLE claim_file ADD COLUMN accepted_claim_count INTEGER;
ALTER TABLE claim_file ADD COLUMN rejected_claim_count INTEGER;
-- set by the intake's last action (file moved, reject file written): until then a restart has work to do,
-- even when the decision (ACCEPTED, REJECTED) is already recorded
ALTER TABLE claim_file ADD COLUMN intake_finished_at TIMESTAMPTZ;
CREATE INDEX claim_file_unfinished ON claim_file (id) WHERE intake_finished_at IS NULL;

-- Every problem of a file rejected at file level, decisive first: the reject file is written
-- from these rows, so it can be written again after a crash, even when the file has been moved.
CREATE TABLE claim_file_problem (
    file_id   BIGINT      NOT NULL REFERENCES claim_file (id),
    ordinal   INTEGER     NOT NULL,
    code      VARCHAR(30) NOT NULL,
    line_no   BIGINT      NOT NULL,
    message   TEXT        NOT NULL,
    PRIMARY KEY (file_id, ordinal)
);

-- A rejected claim keeps the text the hospital sent, whatever its length (E_VISIT_TYPE 'OUTPATIENT').
ALTER TABLE claim ALTER COLUMN visit_type TYPE TEXT;
