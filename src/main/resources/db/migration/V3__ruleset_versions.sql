-- Governed rule releases: every ruleset is a stored version with its files (ruleset_file), its scenarios, who made it
-- and why, and where it is in its life: DRAFT (builds, scenarios run) or FAILED (does not build), then APPROVED by
-- another person, ACTIVE, RETIRED when another becomes active; or REJECTED. Written for PostgreSQL and H2.
CREATE TABLE ruleset_version (
    version             VARCHAR(80)      NOT NULL PRIMARY KEY,
    parent              VARCHAR(80),
    status              VARCHAR(20)      NOT NULL,
    author              VARCHAR(200)     NOT NULL,
    reason              VARCHAR(2000)    NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    problems            VARCHAR(1000000),
    scenarios_run       INTEGER          NOT NULL,
    scenarios_failed    INTEGER          NOT NULL,
    scenario_failures   VARCHAR(1000000),
    decided_by          VARCHAR(200),
    decided_at          TIMESTAMP WITH TIME ZONE,
    decision_reason     VARCHAR(2000),
    activate_at         TIMESTAMP WITH TIME ZONE,
    activated_by        VARCHAR(200),
    activated_at        TIMESTAMP WITH TIME ZONE,
    activation_reason   VARCHAR(2000),
    retired_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ruleset_version_status ON ruleset_version (status);

-- The scenario files (rules/tests) that came with a version.
CREATE TABLE ruleset_scenario (
    version           VARCHAR(80)    NOT NULL,
    name              VARCHAR(300)   NOT NULL,
    content           BYTEA          NOT NULL,
    PRIMARY KEY (version, name)
);

-- The version in force, one row: every instance follows it. serial grows with each activation.
CREATE TABLE ruleset_active (
    id                INTEGER        NOT NULL PRIMARY KEY,
    version           VARCHAR(80)    NOT NULL,
    serial            BIGINT         NOT NULL,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Impact simulations of a version against stored cases: their state while they run, then what they found.
CREATE TABLE ruleset_simulation (
    id                VARCHAR(40)    NOT NULL PRIMARY KEY,
    version           VARCHAR(80)    NOT NULL,
    requested_by      VARCHAR(200)   NOT NULL,
    request           VARCHAR(4000)  NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    cases_total       BIGINT,
    cases_done        BIGINT         NOT NULL,
    result            VARCHAR(10000000),
    error             VARCHAR(4000),
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE
);
