-- No append may commit later than a limit after it began (issue 7, "nothing lost").
--
-- global_index values are handed out before commit, so a reader sees a hole while an append is in flight. Axon's
-- trackers wait for such a hole only for their gap timeout G: once they read an event stamped more than G ago above
-- it, the hole is given up for ever, and an append that commits into it afterwards is never delivered. This trigger
-- bounds how late an append can commit: at commit, every row it inserted is checked, and the commit fails (the
-- client gets the error, nothing is stored) when more than max_delay has passed since the transaction began or
-- since the event was stamped, whichever is earlier. The query service refuses to follow with G not above twice
-- max_delay; why twice is in docs/architecture.md ("Decisions and why").
--
-- The check runs just before the commit record is written; the short time between the two is not covered, and
-- G - 2 * max_delay is the margin left for it (and for clock differences between database and readers). It holds
-- for appends that take global_index from the column's default, as Axon does, not for a value reserved earlier.

CREATE TABLE append_time_limit (
    one_row   BOOLEAN  NOT NULL DEFAULT TRUE,
    max_delay INTERVAL NOT NULL,
    CONSTRAINT append_time_limit_pk PRIMARY KEY (one_row),
    CONSTRAINT append_time_limit_one_row CHECK (one_row),
    CONSTRAINT append_time_limit_positive CHECK (max_delay > INTERVAL '0')
);

-- the command service sets its configured limit (crt.event-store.append-time-limit) after every migration
INSERT INTO append_time_limit (max_delay) VALUES (INTERVAL '10 seconds');

CREATE FUNCTION refuse_late_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    allowed interval := (SELECT max_delay FROM ${flyway:defaultSchema}.append_time_limit);
    began   timestamptz := least(transaction_timestamp(), NEW.time_stamp::timestamptz);
BEGIN
    IF clock_timestamp() - began > allowed THEN
        RAISE EXCEPTION 'append of event % committed % after it began, over the limit of %',
                NEW.event_identifier, clock_timestamp() - began, allowed
            USING ERRCODE = 'CRT01',
                  HINT = 'nothing was stored; send the write again';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER domain_event_entry_commits_in_time
    AFTER INSERT ON domain_event_entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION refuse_late_append();
