-- Every login attempt: who (the opaque account id, when the user name named an account), how it ended, from which
-- client (a pseudonym: a keyed hash of its address, never the address), when, and the request's correlation id.
-- Never the user name as typed (it may be a password typed into the wrong field) and never a password. Admins and
-- auditors read it through GET /api/admin/logins.

CREATE SCHEMA IF NOT EXISTS security_audit;

CREATE TABLE security_audit.login_attempt (
    id             BIGSERIAL    NOT NULL PRIMARY KEY,
    attempted_at   TIMESTAMPTZ  NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    account_id     VARCHAR(64),
    client         VARCHAR(64)  NOT NULL,
    correlation_id VARCHAR(128),
    CONSTRAINT login_attempt_outcome CHECK (outcome IN ('succeeded', 'failed', 'throttled'))
);

CREATE INDEX login_attempt_account ON security_audit.login_attempt (account_id, id);
