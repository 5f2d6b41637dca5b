-- The query service's own schema: its processors' tokens and the views projected from the event store.
-- Every view table can be dropped and rebuilt from the events.

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);

-- The catalogue view: organisations, their interviews in their latest version, and the measures and support
-- of the interviews that count (retracted ones are removed from the child tables). Each row keeps the version
-- (aggregate sequence number) of the last event applied to it, so that an event applied twice changes nothing.

CREATE TABLE organisation (
    organisation_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    version         BIGINT       NOT NULL,
    name            TEXT         NOT NULL,
    sector          VARCHAR(40)  NOT NULL,
    authority_level VARCHAR(40),
    fields          JSONB        NOT NULL,
    locality        TEXT,
    external_source TEXT,
    external_id     TEXT,
    registered_at   TIMESTAMPTZ  NOT NULL,
    corrected_at    TIMESTAMPTZ
);

CREATE TABLE interview (
    interview_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    organisation_id VARCHAR(64)  NOT NULL,
    version         BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    interview_date  DATE         NOT NULL,
    consent         VARCHAR(40)  NOT NULL,
    source_name     TEXT,
    source_licence  TEXT,
    content         JSONB        NOT NULL,
    external_source TEXT,
    external_id     TEXT,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    amended_at      TIMESTAMPTZ
);

CREATE INDEX interview_organisation_idx ON interview (organisation_id);

CREATE TABLE measure (
    interview_id    VARCHAR(64)  NOT NULL,
    position        INTEGER      NOT NULL,
    measure_id      VARCHAR(64)  NOT NULL,
    organisation_id VARCHAR(64)  NOT NULL,
    field           VARCHAR(40)  NOT NULL,
    consent         VARCHAR(40)  NOT NULL,
    CONSTRAINT measure_pk PRIMARY KEY (interview_id, position)
);

CREATE INDEX measure_field_idx ON measure (field, organisation_id);

CREATE TABLE support_need (
    interview_id    VARCHAR(64)  NOT NULL,
    position        INTEGER      NOT NULL,
    organisation_id VARCHAR(64)  NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    horizon         VARCHAR(40),
    consent         VARCHAR(40)  NOT NULL,
    CONSTRAINT support_need_pk PRIMARY KEY (interview_id, position)
);

CREATE TABLE support_offer (
    interview_id    VARCHAR(64)  NOT NULL,
    field           VARCHAR(40)  NOT NULL,
    organisation_id VARCHAR(64)  NOT NULL,
    consent         VARCHAR(40)  NOT NULL,
    CONSTRAINT support_offer_pk PRIMARY KEY (interview_id, field)
);
