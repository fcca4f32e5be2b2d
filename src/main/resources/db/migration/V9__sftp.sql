-- SFTP exchange: files fetched from the hospitals' inboxes, answers delivered to their outboxes.
-- The accept-once key of a remote file still in an inbox lives in int_metadata_store
-- ('sftp:<remote path>' -> modification time), written in the same transaction as its sftp_fetch row.

-- One row per remote file fetched, written once its local copy is complete and before the
-- remote file is deleted: after a crash the file is recognised by path and modification time,
-- not fetched again, and its deletion retried.
CREATE TABLE sftp_fetch (
    id               BIGSERIAL    PRIMARY KEY,
    hospital_code    TEXT         NOT NULL,           -- folder under the remote root
    remote_path      TEXT         NOT NULL,
    remote_mtime     BIGINT       NOT NULL,           -- seconds since the epoch, as the server reports it
    size_bytes       BIGINT       NOT NULL,
    sha256           VARCHAR(64)  NOT NULL,
    local_path       TEXT         NOT NULL,           -- the staging copy handed to the intake
    fetched_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    deleted_at       TIMESTAMPTZ,                     -- removed from the inbox
    taken_in_at      TIMESTAMPTZ,                     -- its arrival recorded by the intake
    job_execution_id BIGINT,
    note             TEXT
);
-- a remote file still in the inbox is recorded once, whichever process fetched it
CREATE UNIQUE INDEX sftp_fetch_in_inbox ON sftp_fetch (remote_path, remote_mtime) WHERE deleted_at IS NULL;
CREATE INDEX sftp_fetch_waiting_intake ON sftp_fetch (id) WHERE taken_in_at IS NULL;

-- One row per response or reject file sent to a hospital's outbox, keyed by name and content:
-- written before the upload (started_at), completed after the rename (delivered_at).
CREATE TABLE sftp_delivery (
    id            BIGSERIAL    PRIMARY KEY,
    hospital_code TEXT         NOT NULL,
    file_name     TEXT         NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    local_mtime   BIGINT       NOT NULL,              -- ms; an unchanged local file is not hashed again
    remote_path   TEXT         NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    delivered_at  TIMESTAMPTZ,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    last_error    TEXT,
    UNIQUE (hospital_code, file_name, sha256)
);
