-- The registry claims are valued against (reference-data.md). Money is integer fen.

CREATE TABLE hospital (
    code        VARCHAR(20) PRIMARY KEY,
    name        TEXT        NOT NULL,
    level       VARCHAR(10) NOT NULL CHECK (level IN ('COMMUNITY', 'SECONDARY', 'TERTIARY')),
    region      VARCHAR(11) NOT NULL CHECK (region IN ('LOCAL', 'OUT_OF_AREA')),
    designated  BOOLEAN     NOT NULL,
    -- false for the pseudo-hospitals clerks create for ad-hoc claims from outside the registry
    registered  BOOLEAN     NOT NULL DEFAULT TRUE
);

-- One row per insured person: the account rows that settlement locks (SELECT ... FOR UPDATE).
CREATE TABLE person (
    person_id                  VARCHAR(18)    PRIMARY KEY,
    name                       TEXT        NOT NULL,
    category                   VARCHAR(10) NOT NULL CHECK (category IN ('IN_SERVICE', 'RETIRED')),
    status                     VARCHAR(9)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    opening_current_account    BIGINT      NOT NULL CHECK (opening_current_account >= 0),
    opening_historical_account BIGINT      NOT NULL CHECK (opening_historical_account >= 0),
    current_account            BIGINT      NOT NULL CHECK (current_account >= 0),
    historical_account         BIGINT      NOT NULL CHECK (historical_account >= 0)
);

-- 家庭共济: what the member is to the grantor. The member need not be a person.
CREATE TABLE family_binding (
    grantor_id  VARCHAR(18)    NOT NULL REFERENCES person (person_id),
    member_id   VARCHAR(18)    NOT NULL,
    relation    VARCHAR(6)  NOT NULL CHECK (relation IN ('SPOUSE', 'PARENT', 'CHILD')),
    valid_from  DATE        NOT NULL,
    valid_to    DATE,
    PRIMARY KEY (grantor_id, member_id, relation, valid_from)
);
CREATE INDEX family_binding_member ON family_binding (member_id);

CREATE TABLE catalog_item (
    item_code       VARCHAR(40)    NOT NULL,
    name            TEXT           NOT NULL,
    self_pay_ratio  NUMERIC(7, 6)  NOT NULL CHECK (self_pay_ratio BETWEEN 0 AND 1),
    max_unit_price  NUMERIC(14, 4),
    valid_from      DATE           NOT NULL,
    valid_to        DATE,
    PRIMARY KEY (item_code, valid_from)
);

CREATE TABLE special_disease (
    code  VARCHAR(20) PRIMARY KEY,
    name  TEXT        NOT NULL
);

CREATE TABLE certification (
    person_id     VARCHAR(18)    NOT NULL,
    disease_code  VARCHAR(20) NOT NULL,
    valid_from    DATE        NOT NULL,
    valid_to      DATE,
    PRIMARY KEY (person_id, disease_code, valid_from)
);

-- Per calendar year: fund paid, self-pay segment used (门诊自负段), inpatient admissions.
CREATE TABLE person_year (
    person_id     VARCHAR(18) NOT NULL REFERENCES person (person_id),
    year          INTEGER  NOT NULL,
    fund_paid     BIGINT   NOT NULL DEFAULT 0 CHECK (fund_paid >= 0),
    segment_used  BIGINT   NOT NULL DEFAULT 0 CHECK (segment_used >= 0),
    admissions    INTEGER  NOT NULL DEFAULT 0 CHECK (admissions >= 0),
    PRIMARY KEY (person_id, year)
);
