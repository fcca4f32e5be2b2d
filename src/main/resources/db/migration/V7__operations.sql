-- Operations: who runs each job execution, and how far a long step has to go.

-- The process that ran a job execution, so a crash can be told from a live run (design.md).
CREATE TABLE job_execution_owner (
    job_execution_id   BIGINT       PRIMARY KEY REFERENCES batch_job_execution (job_execution_id),
    host               TEXT         NOT NULL,
    pid                BIGINT       NOT NULL,
    -- the owner's own start instant: a recycled pid is not the owner
    process_started_at TIMESTAMPTZ,
    command            TEXT,
    started_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The number of items a step expects, when it knows (ProgressLogger), for the dashboard's progress.
CREATE TABLE step_progress (
    step_execution_id  BIGINT       PRIMARY KEY REFERENCES batch_step_execution (step_execution_id),
    total              BIGINT       NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
