-- Issue 17: a patient's claim history, the money of each settlement run, the last 30 days.

-- A clerk opens a patient's claims, newest service date first (claim search by patient). The columns never
-- change after staging, so settling a claim stays a HOT update (V13).
CREATE INDEX claim_patient ON claim (patient_id, end_date);

-- The job execution whose writer settled the claim (null: an ad-hoc claim settled by a clerk), so a run's money
-- and claims are read from its own rows. Settlements are only ever appended, in run order: a BRIN index costs
-- the settlement's COPY next to nothing and finds a run's pages.
ALTER TABLE settlement ADD COLUMN job_execution_id BIGINT;
CREATE INDEX settlement_run ON settlement USING brin (job_execution_id);
-- the dashboard's days (today's totals, the 30-day chart)
CREATE INDEX settlement_settled_at ON settlement USING brin (settled_at);
