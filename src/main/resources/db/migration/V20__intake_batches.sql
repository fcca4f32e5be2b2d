-- Intake takes files in by batches (design.md): one claimIntakeJob execution per batch of arrivals, one
-- partition (step execution) per file. A batch is what one poll of serve, or one run-once, found.
CREATE TABLE intake_batch (
    id          BIGSERIAL   PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Arrivals from before batches: each its own batch, so a restart finds them like any other.
ALTER TABLE claim_file ADD COLUMN batch_id BIGINT REFERENCES intake_batch (id);
INSERT INTO intake_batch (id, created_at) SELECT id, received_at FROM claim_file;
SELECT setval(pg_get_serial_sequence('intake_batch', 'id'), coalesce((SELECT max(id) FROM intake_batch), 0) + 1, false);
UPDATE claim_file SET batch_id = id;
ALTER TABLE claim_file ALTER COLUMN batch_id SET NOT NULL;
CREATE INDEX claim_file_batch ON claim_file (batch_id);
-- ABANDONED: an operator gave the intake up; nothing of the file stays staged.
CREATE INDEX claim_file_undecided ON claim_file (hospital_code, id) WHERE status = 'RECEIVED';
