-- Where every commitment stands, one row each, for the dashboard's lists, counts and scorecards. What depends on
-- today's date (late, at risk) is decided when a list is read, from next_due_date and missed_milestones.

CREATE TABLE commitment_dashboard (
    commitment_id        VARCHAR(64)  NOT NULL,
    last_sequence        BIGINT       NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    title                TEXT         NOT NULL,
    field                VARCHAR(60),
    kind                 VARCHAR(60),
    lead_organisation_id VARCHAR(64)  NOT NULL,
    co_signer_ids        JSONB        NOT NULL,
    session_id           VARCHAR(64),
    start_date           DATE,
    target_date          DATE,
    -- the earliest due date not met (a milestone's, open or missed, or the target date), while the commitment is open
    next_due_date        DATE,
    missed_milestones    INTEGER      NOT NULL,
    progress_status      VARCHAR(20),
    percentage           INTEGER,
    progress_for         DATE,
    assessment           VARCHAR(20),
    made_at              TIMESTAMPTZ  NOT NULL,
    changed_at           TIMESTAMPTZ  NOT NULL,
    state                JSONB        NOT NULL,
    CONSTRAINT commitment_dashboard_pk PRIMARY KEY (commitment_id)
);

CREATE INDEX commitment_dashboard_due ON commitment_dashboard (status, next_due_date);
CREATE INDEX commitment_dashboard_field ON commitment_dashboard (field);
CREATE INDEX commitment_dashboard_lead ON commitment_dashboard (lead_organisation_id);
CREATE INDEX commitment_dashboard_session ON commitment_dashboard (session_id);

-- The organisations bound by each commitment: its lead and its current co-signers.
CREATE TABLE commitment_party (
    commitment_id   VARCHAR(64) NOT NULL,
    organisation_id VARCHAR(64) NOT NULL,
    role            VARCHAR(20) NOT NULL,
    CONSTRAINT commitment_party_pk PRIMARY KEY (commitment_id, organisation_id)
);

CREATE INDEX commitment_party_organisation ON commitment_party (organisation_id);

-- Counts over time group the timeline by the month a fact happened.
CREATE INDEX commitment_timeline_type ON commitment_timeline (event_type);

-- The dashboard follows the same processor as the timelines; where that processor has run before, it starts over
-- from the first event so that the new table holds every commitment. Its handlers are idempotent.
DELETE FROM commitment_timeline;
DELETE FROM token_entry WHERE processor_name = 'commitments';
