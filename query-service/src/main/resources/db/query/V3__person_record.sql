-- Every set of contact details ever recorded for a person, still sealed: what lets an admin find a person whose
-- data the tracker holds, also after they were removed as a contact or their details changed.

CREATE TABLE person_record (
    person_id            VARCHAR(64) NOT NULL,
    organisation_id      VARCHAR(64) NOT NULL,
    organisation_version BIGINT      NOT NULL,
    details              JSONB       NOT NULL,
    CONSTRAINT person_record_pk PRIMARY KEY (person_id, organisation_id, organisation_version)
);
