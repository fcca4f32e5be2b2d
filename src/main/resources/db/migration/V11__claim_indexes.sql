-- Fewer claim index entries per staged and per settled claim (every settlement UPDATE of a claim's status is
-- non-HOT: status is in index predicates, so each settled claim writes a new entry into every index whose
-- predicate its new version satisfies).
--
-- claim_number (hospital_code, claim_no) over all claims duplicated claim_number_in_use for every claim that
-- is not rejected; only the rejected ones need an index of their own (ClaimQueries.current looks in both).
DROP INDEX claim_number;
CREATE INDEX claim_number_rejected ON claim (hospital_code, claim_no) WHERE status = 'REJECTED';
-- claim_patient served only grouping, which reads waiting claims: a settled claim leaves the index.
DROP INDEX claim_patient;
CREATE INDEX claim_patient_waiting ON claim (patient_id) WHERE status = 'RECEIVED';
