package ro.cluj.crt.importer;

/** What one record becomes: an organisation (registered once per key) and an interview of it. */
record Submission(RecordLocation where, Bodies.Organisation organisation, Bodies.Interview interview) {

    /** The key that makes organisations shared between records. */
    Bodies.ExternalReference organisationKey() {
        return organisation.externalReference();
    }
}
