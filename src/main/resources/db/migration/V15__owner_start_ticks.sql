-- When the owner's process started, in clock ticks since boot (Linux /proc/<pid>/stat): unlike the start instant,
-- which each JVM derives from the boot time it read at its own start, it does not move when the wall clock is
-- stepped, so a live owner is never judged dead after an NTP step.
ALTER TABLE job_execution_owner ADD COLUMN process_start_ticks BIGINT;

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
