-- Intake takes the ids of a chunk's claims (which their lines refer to in the same COPY) in blocks of 1000: one
-- call of the sequence per chunk instead of one per claim (ClaimStagingWriter). A claim inserted on its own
-- (an ad-hoc claim) takes a whole block; ids only need to be unique.
SELECT setval(pg_get_serial_sequence('claim', 'id'), coalesce((SELECT max(id) FROM claim), 0) + 1000);
ALTER SEQUENCE claim_id_seq INCREMENT BY 1000;
