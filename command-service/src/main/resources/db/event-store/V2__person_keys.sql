-- Per-person keys for personal data (crypto-shredding). Each key is wrapped by the master key from configuration.
-- Erasing a person sets wrapped_key to NULL and erased_at: every value sealed with the key is then unreadable,
-- while the events that hold those values stay exactly as they were.

CREATE SCHEMA IF NOT EXISTS personal_data;

CREATE TABLE personal_data.person_key (
    person_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL,
    erased_at   TIMESTAMPTZ,
    CONSTRAINT person_key_erased_has_no_key CHECK (erased_at IS NULL OR wrapped_key IS NULL),
    CONSTRAINT person_key_live_has_key CHECK (erased_at IS NOT NULL OR wrapped_key IS NOT NULL)
);
