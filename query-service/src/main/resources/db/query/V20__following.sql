-- Following: webhooks that partner platforms registered, and the deliveries owed to them. Unlike the views, these
-- tables are not projections: they are never emptied by a rebuild, and the processor that fills the outbox
-- ("follow") never replays, so a change reaches each follower once.

CREATE TABLE webhook (
    webhook_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    target_url     TEXT         NOT NULL,
    -- the shared secret deliveries are signed with; never answered after registration, never logged
    secret         TEXT         NOT NULL,
    scope          VARCHAR(20)  NOT NULL CHECK (scope IN ('commitment', 'organisation', 'all-commitments')),
    subject_id     VARCHAR(64),
    -- the head of the event store at registration: only later events are delivered
    from_position  BIGINT       NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    registered_by  VARCHAR(64),
    deleted_at     TIMESTAMPTZ,
    CHECK ((scope = 'all-commitments') = (subject_id IS NULL))
);

-- The outbox: one row per change and webhook, written in the transaction of the "follow" processor's batch. The
-- unique key makes a repeated event (a redelivered batch, a reset) enqueue nothing more.
CREATE TABLE webhook_delivery (
    delivery_id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id       VARCHAR(64)  NOT NULL REFERENCES webhook (webhook_id),
    event_id         VARCHAR(255) NOT NULL,
    global_position  BIGINT       NOT NULL,
    commitment_id    VARCHAR(64)  NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    -- the exact bytes sent (UTF-8), so that every attempt signs and sends the same body
    body             TEXT         NOT NULL,
    status           VARCHAR(12)  NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    next_attempt_at  TIMESTAMPTZ,
    leased_until     TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    CONSTRAINT webhook_delivery_once UNIQUE (webhook_id, event_id)
);

CREATE INDEX webhook_delivery_pending ON webhook_delivery (webhook_id, delivery_id) WHERE status = 'pending';

-- Every attempt at a delivery, for the admins' delivery log.
CREATE TABLE webhook_attempt (
    delivery_id  BIGINT       NOT NULL REFERENCES webhook_delivery (delivery_id),
    attempt      INTEGER      NOT NULL,
    attempted_at TIMESTAMPTZ  NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    duration_ms  BIGINT       NOT NULL,
    CONSTRAINT webhook_attempt_pk PRIMARY KEY (delivery_id, attempt)
);

-- The organisations bound by each commitment (lead and current co-signers), as the "follow" processor has seen
-- them, so that an organisation's followers get its commitments' changes without waiting for another view.
CREATE TABLE follow_commitment_party (
    commitment_id   VARCHAR(64) NOT NULL,
    organisation_id VARCHAR(64) NOT NULL,
    CONSTRAINT follow_commitment_party_pk PRIMARY KEY (commitment_id, organisation_id)
);
