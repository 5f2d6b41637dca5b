package ro.cluj.crt.events.api;

import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;

/**
 * A weekly edition as published: the public report at the edition's place in the history (event store position
 * {@code position}), the published measures, and what changed since the edition before it. Only consented data and
 * no personal data, so nothing that happens later (an erasure, a retraction) touches it. Its SHA-256 is taken over
 * its canonical JSON form (RFC 8785).
 *
 * @param format   the version of this document's shape
 * @param corrects the edition this one corrects, with {@code reason}; null for a regular edition
 */
public record EditionView(int format, int number, LocalDate publishedOn, LocalDate weekOf, String title, String note,
                          Integer corrects, String reason, long position, ReportView report,
                          List<PublishedMeasure> measures, Changes changes) {

    /** A measure the public may see; its organisation is named only where the interview consented to that. */
    public record PublishedMeasure(String measureId, String title, Field field, String organisationId,
                                   String organisationName, Sector sector) {
    }

    /**
     * What is new since edition {@code since} (null for the first edition, where everything is new).
     *
     * @param organisationsBefore the number of organisations the public report counted in that edition
     * @param newOrganisations    organisations named for the first time
     * @param removedMeasureIds   measures published then and not any more (an interview amended or retracted)
     */
    public record Changes(Integer since, long organisationsBefore, long organisationsNow,
                          List<ActorView> newOrganisations, List<PublishedMeasure> newMeasures,
                          List<String> removedMeasureIds, List<ReportView.SupportNeedCount> supportNeedsAppeared,
                          List<ReportView.SupportNeedCount> supportNeedsDisappeared) {
    }
}
