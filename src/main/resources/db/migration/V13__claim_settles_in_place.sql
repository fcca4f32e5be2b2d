-- Settling a claim changes its status (and reject code and message) only. With no index depending on those
-- columns and room left on its page, PostgreSQL updates it in place (a HOT update: no new index entries), 4x
-- cheaper than writing a new entry into every index (bench/RESULTS.md).
--
-- Claim numbers are unique among claims that were not rejected; the indexes say so through a generated column,
-- which stays true when a claim is settled, so only a rejection by settlement (rare) moves index entries.
ALTER TABLE claim ADD COLUMN number_in_use BOOLEAN GENERATED ALWAYS AS (status <> 'REJECTED') STORED;
DROP INDEX claim_number_in_use;
CREATE UNIQUE INDEX claim_number_in_use ON claim (hospital_code, claim_no) WHERE number_in_use;
DROP INDEX claim_number_rejected;
CREATE INDEX claim_number_rejected ON claim (hospital_code, claim_no) WHERE NOT number_in_use;
-- Waiting claims are found through the files not yet answered (claim_file_waiting_response, then the claim's
-- (file_id, position) key): a response is written only when every claim of its file is final.
DROP INDEX claim_waiting;
DROP INDEX claim_patient_waiting;
-- room on every page for the new version of each of its claims (settlement), and of a few more (grouping)
ALTER TABLE claim SET (fillfactor = 45);
