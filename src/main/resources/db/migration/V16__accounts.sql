-- Accounts over the years (accounts.md): monthly credits, the year-end rollover and the reversal of a settled claim
-- move money into accounts too. Each ledger entry now says which account it moved (CURRENT, HISTORICAL) and in
-- which direction (IN, OUT), so that balance = opening + in - out for every account.

-- every entry so far paid for a claim: OUT of the current-year account (CURRENT) or a historical one (HISTORICAL,
-- FAMILY); defaults fill the new columns without rewriting the table, and go once they have
ALTER TABLE ledger_entry
    ADD COLUMN direction VARCHAR(3)  NOT NULL DEFAULT 'OUT',
    ADD COLUMN account   VARCHAR(10) NOT NULL DEFAULT 'HISTORICAL',
    -- CREDIT: the month credited (its first day); ROLLOVER: the year rolled over
    ADD COLUMN month     DATE,
    ADD COLUMN year      INTEGER;
UPDATE ledger_entry SET account = 'CURRENT' WHERE kind = 'CURRENT';
ALTER TABLE ledger_entry
    ALTER COLUMN direction DROP DEFAULT,
    ALTER COLUMN account DROP DEFAULT,
    -- credits and rollovers belong to no claim
    ALTER COLUMN claim_id DROP NOT NULL;

ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_kind_check;
ALTER TABLE ledger_entry
    ADD CONSTRAINT ledger_entry_kind_check
        CHECK (kind IN ('CURRENT', 'HISTORICAL', 'FAMILY', 'CREDIT', 'ROLLOVER', 'REVERSAL')),
    ADD CONSTRAINT ledger_entry_direction_check CHECK (direction IN ('IN', 'OUT')),
    ADD CONSTRAINT ledger_entry_account_check CHECK (account IN ('CURRENT', 'HISTORICAL')),
    -- what each kind refers to and which way it moves money
    ADD CONSTRAINT ledger_entry_kind_shape CHECK (CASE kind
        WHEN 'CURRENT' THEN claim_id IS NOT NULL AND direction = 'OUT' AND account = 'CURRENT'
        WHEN 'HISTORICAL' THEN claim_id IS NOT NULL AND direction = 'OUT' AND account = 'HISTORICAL'
        WHEN 'FAMILY' THEN claim_id IS NOT NULL AND direction = 'OUT' AND account = 'HISTORICAL'
        WHEN 'CREDIT' THEN claim_id IS NULL AND month IS NOT NULL AND direction = 'IN'
        WHEN 'ROLLOVER' THEN claim_id IS NULL AND year IS NOT NULL
            AND direction = CASE account WHEN 'CURRENT' THEN 'OUT' ELSE 'IN' END
        ELSE claim_id IS NOT NULL AND direction = 'IN' END);

-- exactly once: a claim's payment per person and kind, its reversal per person and account (the old key did the
-- first alone), a credit per person and month, a rollover per person and year (one entry out, one in)
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_claim_id_person_id_kind_key;
CREATE UNIQUE INDEX ledger_entry_claim ON ledger_entry (claim_id, person_id, kind, account) WHERE claim_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_entry_credit ON ledger_entry (person_id, month) WHERE kind = 'CREDIT';
CREATE UNIQUE INDEX ledger_entry_rollover ON ledger_entry (person_id, year, account) WHERE kind = 'ROLLOVER';

-- A reversed claim (冲正) keeps its settlement for the record, and its number is free again: E_DUPLICATE_CLAIM counts
-- only claims that are neither rejected nor reversed. A generated column cannot change its expression in place.
DROP INDEX claim_number_in_use;
DROP INDEX claim_number_rejected;
ALTER TABLE claim DROP COLUMN number_in_use;
ALTER TABLE claim ADD COLUMN number_in_use BOOLEAN GENERATED ALWAYS AS (status NOT IN ('REJECTED', 'REVERSED')) STORED;
CREATE UNIQUE INDEX claim_number_in_use ON claim (hospital_code, claim_no) WHERE number_in_use;
CREATE INDEX claim_number_rejected ON claim (hospital_code, claim_no) WHERE NOT number_in_use;

-- who reversed a claim, when and why
CREATE TABLE claim_reversal (
    claim_id     BIGINT      PRIMARY KEY REFERENCES claim (id),
    reason       TEXT        NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
    reversed_by  TEXT        NOT NULL,
    reversed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX claim_reversal_at ON claim_reversal (reversed_at);

-- One row per year rolled over (年终结转), written when its rollover begins: credits for that year go to the
-- historical account from then on. The counts grow in each chunk's transaction, so a restart continues them.
CREATE TABLE account_rollover (
    year                     INTEGER     PRIMARY KEY,
    begun_by                 BIGINT      NOT NULL,
    begun_at                 TIMESTAMPTZ NOT NULL,
    finished_by              BIGINT,
    finished_at              TIMESTAMPTZ,
    persons_rolled_over      BIGINT      NOT NULL DEFAULT 0,
    amount_moved             BIGINT      NOT NULL DEFAULT 0,
    persons_nothing_to_move  BIGINT      NOT NULL DEFAULT 0
);
