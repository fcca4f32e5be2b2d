-- What settlement decided and the money it moved.

CREATE TABLE settlement (
    claim_id            BIGINT      PRIMARY KEY REFERENCES claim (id),
    status              VARCHAR(8)  NOT NULL,
    codes               TEXT        NOT NULL DEFAULT '',
    message             TEXT        NOT NULL,
    policy_version      VARCHAR(20),
    total               BIGINT      NOT NULL,
    self_pay            BIGINT      NOT NULL,
    self_pay_first      BIGINT      NOT NULL,
    deductible          BIGINT      NOT NULL,
    segment             BIGINT      NOT NULL,
    coinsurance         BIGINT      NOT NULL,
    over_cap            BIGINT      NOT NULL,
    fund                BIGINT      NOT NULL,
    current_account     BIGINT      NOT NULL,
    historical_account  BIGINT      NOT NULL,
    family_account      BIGINT      NOT NULL,
    cash                BIGINT      NOT NULL,
    detail              TEXT,                                -- per-line valuation and explanation (JSON)
    settled_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Append-only: every account movement, once per (claim, account, kind).
CREATE TABLE ledger_entry (
    id          BIGSERIAL   PRIMARY KEY,
    claim_id    BIGINT      NOT NULL REFERENCES claim (id),
    person_id   VARCHAR(18)    NOT NULL REFERENCES person (person_id),
    kind        VARCHAR(10) NOT NULL CHECK (kind IN ('CURRENT', 'HISTORICAL', 'FAMILY')),
    amount      BIGINT      NOT NULL CHECK (amount > 0),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (claim_id, person_id, kind)
);
CREATE INDEX ledger_entry_person ON ledger_entry (person_id);
