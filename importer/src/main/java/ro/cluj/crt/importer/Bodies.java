package ro.cluj.crt.importer;

import java.time.LocalDate;
import java.util.List;

/** The request bodies of the staff API, exactly the properties it accepts (it rejects unknown ones). */
final class Bodies {

    /** Every record is documented from a published source, which is public by nature. */
    static final String CHANNEL = "published-source";
    static final String CONSENT = "publish";

    private Bodies() {
    }

    /** What makes a repeated submission recognisable: the same source and id give the same answer. */
    record ExternalReference(String source, String id) {
    }

    /** An organisation to register; its fields of activity are left out because no file gives them. */
    record Organisation(String name, Sector sector, AuthorityLevel authorityLevel, String locality,
                        ExternalReference externalReference) {
    }

    /** An interview documented from a published source. */
    record Interview(LocalDate date, String channel, String consent, Source source,
                     ExternalReference externalReference, List<Measure> measures) {
    }

    /** The published source of an interview and the attribution its terms ask for. */
    record Source(String name, String reference, String attribution, String licence) {
    }

    /**
     * A commitment to make under a client-chosen id; the lead organisation is filled in once it is registered.
     * No milestones: the data sets give none.
     */
    record Commitment(String id, String leadOrganisationId, String title, String description, Field field,
                      String kind, LocalDate startDate, LocalDate targetDate) {

        Commitment withLead(String organisationId) {
            return new Commitment(id, organisationId, title, description, field, kind, startDate, targetDate);
        }
    }

    /** A progress report of a monitor about a commitment, dated by the day it is about. */
    record Progress(String status, String note, LocalDate reportedFor) {
    }

    /** A progress report that gives a percentage, with why it was made (needed when the percentage drops). */
    record Percentage(String status, int percentage, String reason) {
    }

    /** A revision of one part of a commitment: its new value, and why. */
    record Revision(String part, String value, String reason) {
    }

    /** A commitment fulfilled today, with a note saying how it is known. */
    record Fulfilment(String note) {
    }

    /** A change that needs only a reason, such as abandoning a commitment. */
    record Reasoned(String reason) {
    }

    /** One measure of an interview. */
    record Measure(String title, Field field, String fieldDetail, String description, List<String> targetGroups,
                   LocalDate startDate, LocalDate endDate, List<String> partners, String reach,
                   List<String> industries, List<String> evidence) {
    }
}
