-- The owner of a job execution, written in the transaction that creates the execution from the session settings
-- every medclaims connection carries (OwnerRecording): no moment exists in which a running execution has no
-- owner. Connections without those settings (psql, other tools) record nothing. The current definition lives
-- here, a repeatable migration that Flyway runs again whenever it changes (V14 and V15 hold earlier ones).
CREATE OR REPLACE FUNCTION record_job_execution_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('medclaims.owner_host', true), '') <> '' THEN
        INSERT INTO job_execution_owner (job_execution_id, host, pid, process_started_at, process_start_ticks, command)
        VALUES (NEW.job_execution_id, current_setting('medclaims.owner_host'),
                current_setting('medclaims.owner_pid')::bigint,
                nullif(current_setting('medclaims.owner_started_at'), '')::timestamptz,
                nullif(current_setting('medclaims.owner_start_ticks', true), '')::bigint,
                current_setting('medclaims.owner_command'))
        ON CONFLICT (job_execution_id) DO NOTHING;
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS batch_job_execution_owner ON batch_job_execution;
CREATE TRIGGER batch_job_execution_owner AFTER INSERT ON batch_job_execution
    FOR EACH ROW EXECUTE FUNCTION record_job_execution_owner();
