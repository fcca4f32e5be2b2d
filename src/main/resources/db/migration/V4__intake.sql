-- Claim files as they arrive, and the claims staged from them.

-- One row per arrival of a file (a second copy of the same content is a new arrival).
CREATE TABLE claim_file (
    id                 BIGSERIAL    PRIMARY KEY,
    file_name          TEXT         NOT NULL,
    hospital_code      VARCHAR(20),
    file_date          DATE,
    seq                VARCHAR(3),
    sha256             VARCHAR(64)     NOT NULL,
    size_bytes         BIGINT       NOT NULL,
    source             VARCHAR(10)  NOT NULL,            -- LOCAL or SFTP
    source_path        TEXT         NOT NULL,
    received_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- RECEIVED -> ACCEPTED | REJECTED (a whole-file rejection, reject_code set)
    status             VARCHAR(10)  NOT NULL DEFAULT 'RECEIVED',
    reject_code        VARCHAR(30),
    reject_message     TEXT,
    claim_count        INTEGER,
    line_count         INTEGER,
    total_amount       BIGINT,
    charset            VARCHAR(10),
    stored_path        TEXT,
    decided_at         TIMESTAMPTZ,
    response_name      TEXT,
    response_written_at TIMESTAMPTZ
);
CREATE INDEX claim_file_sha ON claim_file (sha256) WHERE status = 'ACCEPTED';
CREATE INDEX claim_file_sequence ON claim_file (hospital_code, file_date, seq) WHERE status = 'ACCEPTED';
CREATE INDEX claim_file_waiting_response ON claim_file (id) WHERE status = 'ACCEPTED' AND response_written_at IS NULL;

-- A claim from a file (file_id set) or entered by a clerk (ad-hoc, file_id null).
CREATE TABLE claim (
    id                   BIGSERIAL   PRIMARY KEY,
    file_id              BIGINT      REFERENCES claim_file (id),
    position             INTEGER     NOT NULL,           -- index of its C record in the file
    line_no              BIGINT      NOT NULL,           -- line of its C record in the file
    hospital_code        VARCHAR(20) NOT NULL,
    claim_no             TEXT        NOT NULL,
    patient_id           TEXT        NOT NULL,
    patient_name         TEXT,
    visit_type           VARCHAR(3),
    start_date           DATE,
    end_date             DATE,
    diagnosis_code       TEXT,
    special_disease_code TEXT,
    total_amount         BIGINT      NOT NULL,
    -- RECEIVED (waiting for settlement) -> SETTLED | REJECTED
    status               VARCHAR(8)  NOT NULL,
    reject_code          VARCHAR(30),
    reject_line_no       BIGINT,
    reject_message       TEXT,
    household_id         BIGINT,
    adhoc                BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (file_id, position)
);
-- claim numbers are unique per hospital among claims that were not rejected (claim-files.md)
CREATE UNIQUE INDEX claim_number_in_use ON claim (hospital_code, claim_no) WHERE status <> 'REJECTED';
CREATE INDEX claim_waiting ON claim (end_date, file_id, position) WHERE status = 'RECEIVED';
CREATE INDEX claim_patient ON claim (patient_id);

CREATE TABLE claim_line (
    claim_id    BIGINT         NOT NULL REFERENCES claim (id),
    position    INTEGER        NOT NULL,
    line_no     INTEGER        NOT NULL,                 -- as declared in the L record
    item_code   TEXT           NOT NULL,
    item_name   TEXT,
    unit_price  NUMERIC(14, 4) NOT NULL,
    quantity    NUMERIC(13, 3) NOT NULL,
    amount      BIGINT         NOT NULL,
    PRIMARY KEY (claim_id, position)
);
