-- Tamper evidence (issue 6): every event is sealed into a hash chain by one sealer in the command service. A link
-- names the event it seals by global_index (unique: every event is sealed once); links are numbered 1, 2, 3, ...
-- without gaps by the sealer itself, in the order events became visible, which is not always global_index order.
-- The hash layout is documented in ro.cluj.crt.support.audit.ChainHash.

CREATE TABLE event_chain (
    link_number          BIGINT       NOT NULL,
    global_index         BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    previous_hash        BYTEA        NOT NULL,
    hash                 BYTEA        NOT NULL,
    sealed_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT event_chain_pk PRIMARY KEY (link_number),
    CONSTRAINT event_chain_global_index_uk UNIQUE (global_index),
    CONSTRAINT event_chain_hash_length CHECK (octet_length(hash) = 32 AND octet_length(previous_hash) = 32)
);

-- The public keys that ever signed a checkpoint (the private key never enters the database).
CREATE TABLE audit_signing_key (
    key_id        VARCHAR(32) NOT NULL PRIMARY KEY,
    algorithm     VARCHAR(32) NOT NULL,
    public_key    BYTEA       NOT NULL,
    first_used_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Signed statements "at link N (global index G) the head hash was H"; see CheckpointStatement for the signed text.
CREATE TABLE chain_checkpoint (
    link_number  BIGINT      NOT NULL PRIMARY KEY REFERENCES event_chain (link_number),
    global_index BIGINT      NOT NULL,
    head_hash    VARCHAR(64) NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    key_id       VARCHAR(32) NOT NULL REFERENCES audit_signing_key (key_id),
    signature    BYTEA       NOT NULL
);
