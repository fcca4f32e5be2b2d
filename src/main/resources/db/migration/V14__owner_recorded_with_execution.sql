-- The owner of a job execution is written in the transaction that creates the execution, from the session
-- settings every medclaims connection carries (OwnerRecording): no moment exists in which a running execution
-- has no owner. Connections without those settings (psql, other tools) record nothing.
CREATE FUNCTION record_job_execution_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('medclaims.owner_host', true), '') <> '' THEN
        INSERT INTO job_execution_owner (job_execution_id, host, pid, process_started_at, command)
        VALUES (NEW.job_execution_id, current_setting('medclaims.owner_host'),
                current_setting('medclaims.owner_pid')::bigint,
                nullif(current_setting('medclaims.owner_started_at'), '')::timestamptz,
                current_setting('medclaims.owner_command'))
        ON CONFLICT (job_execution_id) DO NOTHING;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER batch_job_execution_owner AFTER INSERT ON batch_job_execution
    FOR EACH ROW EXECUTE FUNCTION record_job_execution_owner();
