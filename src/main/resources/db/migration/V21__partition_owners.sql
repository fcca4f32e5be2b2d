-- The process that runs each partition (a step execution of a partitioned step): a worker on another host, or
-- this process's own threads. It says it is alive every medclaims.workers.heartbeat-timeout / 3; a manager fails
-- a partition whose heartbeat is older than the timeout (no PID check reaches another host).
CREATE TABLE step_execution_owner (
    step_execution_id  BIGINT       PRIMARY KEY REFERENCES batch_step_execution (step_execution_id),
    host               TEXT         NOT NULL,
    pid                BIGINT       NOT NULL,
    started_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    heartbeat_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
