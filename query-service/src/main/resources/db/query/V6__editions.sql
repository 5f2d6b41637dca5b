-- Weekly editions: each as its canonical JSON (RFC 8785) and the SHA-256 of those bytes, computed by the catalogue
-- processor when it reaches the edition's event, from the catalogue as every earlier event left it.

CREATE TABLE edition (
    number       INTEGER     NOT NULL,
    edition_id   VARCHAR(64) NOT NULL,
    position     BIGINT      NOT NULL,
    published_on DATE        NOT NULL,
    week_of      DATE,
    title        TEXT        NOT NULL,
    corrects     INTEGER,
    sha256       CHAR(64)    NOT NULL,
    content      TEXT        NOT NULL,
    CONSTRAINT edition_pk PRIMARY KEY (number)
);

-- An edition is the catalogue as all earlier events left it, so the catalogue processor now runs one segment (events
-- in global order). Where it ran before with several, it starts over from the first event; its handlers are
-- idempotent and its tables are emptied first.
DELETE FROM organisation;
DELETE FROM contact_person;
DELETE FROM person_record;
DELETE FROM interview;
DELETE FROM measure;
DELETE FROM support_need;
DELETE FROM support_offer;
DELETE FROM token_entry WHERE processor_name = 'catalogue';
