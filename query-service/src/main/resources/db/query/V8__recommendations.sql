-- Recommendations of initiatives from the public, and their triage by staff (processing group "recommendations").
-- The recommender's details and how to reach the initiative stay sealed with the recommender's key, as the events
-- carry them; reads open them, so an erasure takes effect here without touching these tables.

CREATE TABLE recommendation (
    recommendation_id  VARCHAR(64) NOT NULL,
    version            BIGINT      NOT NULL,
    status             VARCHAR(20) NOT NULL,
    what               TEXT        NOT NULL,
    who_runs_it        TEXT        NOT NULL,
    field              VARCHAR(60),
    how_to_reach_them  TEXT,
    consent_to_contact BOOLEAN     NOT NULL,
    recommender_id     VARCHAR(64) NOT NULL,
    recommender        JSONB       NOT NULL,
    received_at        TIMESTAMPTZ NOT NULL,
    triaged_at         TIMESTAMPTZ,
    CONSTRAINT recommendation_pk PRIMARY KEY (recommendation_id)
);

CREATE INDEX recommendation_status_idx ON recommendation (status, received_at);

-- Every triage and retriage, with who made it and why.
CREATE TABLE recommendation_triage (
    recommendation_id VARCHAR(64) NOT NULL,
    sequence_number   BIGINT      NOT NULL,
    decision          VARCHAR(20) NOT NULL,
    organisation_id   VARCHAR(64),
    duplicate_of      VARCHAR(64),
    reason            TEXT,
    retriage          BOOLEAN     NOT NULL,
    actor_id          VARCHAR(64),
    recorded_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT recommendation_triage_pk PRIMARY KEY (recommendation_id, sequence_number)
);
