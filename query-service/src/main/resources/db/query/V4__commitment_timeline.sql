-- Every event of every commitment, in order, with both of its times (when the fact happened, when the tracker
-- recorded it), who caused it and why, and the event's content (old and new values where it changes something).

CREATE TABLE commitment_timeline (
    commitment_id   VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    occurred_on     DATE,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    actor_id        VARCHAR(64),
    actor_role      VARCHAR(40),
    reason          TEXT,
    content         JSONB        NOT NULL,
    CONSTRAINT commitment_timeline_pk PRIMARY KEY (commitment_id, sequence_number)
);
