-- The process view (processing group "process"): lessons learned and working sessions, as the latest state of each,
-- plus their sources, participants and outcomes. Every parent row keeps the sequence number of the last event applied
-- to it, and child rows change only together with their parent's sequence, so an event delivered twice changes
-- nothing. Organisation names, measure titles, consent and commitment titles are joined in when read, from the
-- catalogue and commitment views, so that a correction there shows here at once.

CREATE TABLE lesson (
    lesson_id         VARCHAR(64)  NOT NULL,
    last_sequence     BIGINT       NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    title             TEXT         NOT NULL,
    text              TEXT         NOT NULL,
    field             VARCHAR(60)  NOT NULL,
    lesson_class      VARCHAR(20)  NOT NULL,
    drafted_at        TIMESTAMPTZ  NOT NULL,
    published_at      TIMESTAMPTZ,
    changed_at        TIMESTAMPTZ  NOT NULL,
    withdrawal_reason TEXT,
    CONSTRAINT lesson_pk PRIMARY KEY (lesson_id)
);

CREATE INDEX lesson_listing ON lesson (status, field, lesson_class);

-- A lesson's sources in the order staff gave them; measure_id is absent where the whole interview is the source.
CREATE TABLE lesson_source (
    lesson_id    VARCHAR(64) NOT NULL,
    position     INTEGER     NOT NULL,
    interview_id VARCHAR(64) NOT NULL,
    measure_id   VARCHAR(64),
    CONSTRAINT lesson_source_pk PRIMARY KEY (lesson_id, position)
);

CREATE TABLE working_session (
    session_id          VARCHAR(64)  NOT NULL,
    last_sequence       BIGINT       NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    topic               TEXT         NOT NULL,
    session_date        DATE         NOT NULL,
    place               TEXT,
    link                TEXT,
    lesson_ids          JSONB        NOT NULL,
    held_on             DATE,
    cancellation_reason TEXT,
    scheduled_at        TIMESTAMPTZ  NOT NULL,
    changed_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT working_session_pk PRIMARY KEY (session_id)
);

CREATE INDEX working_session_listing ON working_session (status, (coalesce(held_on, session_date)));

-- The current participants: organisations in a role, with the position held; never a person's name.
CREATE TABLE session_participant (
    session_id      VARCHAR(64) NOT NULL,
    participant_id  VARCHAR(64) NOT NULL,
    organisation_id VARCHAR(64) NOT NULL,
    role            VARCHAR(40) NOT NULL,
    position_title  TEXT,
    registered_seq  BIGINT      NOT NULL,
    CONSTRAINT session_participant_pk PRIMARY KEY (session_id, participant_id)
);

-- Every outcome recorded, in the order recorded: kind is recommendation, support-need, volunteered-support or
-- commitment, and the columns that kind uses are filled in.
CREATE TABLE session_outcome (
    session_id      VARCHAR(64) NOT NULL,
    sequence_number BIGINT      NOT NULL,
    position        INTEGER     NOT NULL,
    kind            VARCHAR(30) NOT NULL,
    text            TEXT,
    support_kind    VARCHAR(40),
    organisation_id VARCHAR(64),
    field           VARCHAR(60),
    commitment_id   VARCHAR(64),
    CONSTRAINT session_outcome_pk PRIMARY KEY (session_id, sequence_number, position)
);
