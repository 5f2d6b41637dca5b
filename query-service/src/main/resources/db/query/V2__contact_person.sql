-- Contact people of organisations, as their events carry them: every personal field sealed with the person's key.
-- Reads open them with the key, so an erasure takes effect here without touching this table.

CREATE TABLE contact_person (
    organisation_id VARCHAR(64) NOT NULL,
    person_id       VARCHAR(64) NOT NULL,
    details         JSONB       NOT NULL,
    CONSTRAINT contact_person_pk PRIMARY KEY (organisation_id, person_id)
);

CREATE INDEX contact_person_person_idx ON contact_person (person_id);
