-- Ad-hoc claims (零星报销) entered by clerks, and who did what with them.

-- what only an ad-hoc claim has: why it was entered by hand, whether an out-of-area stay was registered
-- in advance, who entered it, and a hash of its content that recognises a resubmission
ALTER TABLE claim
    ADD COLUMN adhoc_reason          VARCHAR(16) CHECK (adhoc_reason IN ('OUT_OF_AREA', 'EMERGENCY', 'CARD_UNAVAILABLE')),
    ADD COLUMN registered_in_advance BOOLEAN,
    ADD COLUMN content_hash          VARCHAR(64),
    ADD COLUMN entered_by            TEXT;
CREATE INDEX claim_number ON claim (hospital_code, claim_no);

-- append-only: who previewed, submitted and settled which ad-hoc claim, and when
CREATE TABLE adhoc_audit (
    id             BIGSERIAL   PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    username       TEXT        NOT NULL,
    action         VARCHAR(12) NOT NULL CHECK (action IN ('PREVIEWED', 'SUBMITTED', 'SETTLED', 'REJECTED',
                                                          'RESUBMITTED', 'REFUSED')),
    hospital_code  VARCHAR(20) NOT NULL,
    claim_no       TEXT        NOT NULL,
    claim_id       BIGINT      REFERENCES claim (id),
    content_hash   VARCHAR(64) NOT NULL,
    detail         TEXT        NOT NULL
);
CREATE INDEX adhoc_audit_claim ON adhoc_audit (hospital_code, claim_no);
