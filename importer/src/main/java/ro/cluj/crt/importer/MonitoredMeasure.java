package ro.cluj.crt.importer;

import java.time.LocalDate;
import java.util.List;

/**
 * A measure followed over the years, as a commitment: its lead organisation (registered once per key), the
 * commitment to make (its lead filled in once the organisation is registered) and its dated updates as progress
 * reports, oldest first.
 */
record MonitoredMeasure(RecordLocation where, Bodies.Organisation lead, Bodies.Commitment commitment,
                        List<Update> updates) {

    String id() {
        return commitment.id();
    }

    /** The commitment made by the registered lead organisation with this id. */
    Bodies.Commitment commitmentOf(String leadOrganisationId) {
        return commitment.withLead(leadOrganisationId);
    }

    /** One dated update of the measure: a progress report, and the record it comes from. */
    record Update(RecordLocation where, Bodies.Progress progress) {

        /** What makes a report the same on the tracker: the date it is about and its note. */
        Reported key() {
            return new Reported(progress.reportedFor(), progress.note());
        }
    }

    /** A progress report as the timeline shows it. */
    record Reported(LocalDate reportedFor, String note) {
    }
}
