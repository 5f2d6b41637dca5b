package ro.cluj.crt.events.api;

import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.SupportKind;

/**
 * Answers to the tracker's success questions, from the same consented data as the report: which support needs came
 * up week by week, which fields have several actors and from which sectors, which services are to be scaled or
 * replicated and who is behind them, and who is most willing to support, by field.
 *
 * @param scope {@code public} (consented data only) or {@code internal} (everything)
 */
public record InsightsView(String scope, List<WeekNeeds> supportNeedsByWeek,
                           List<ReportView.FieldActors> fieldsWithSeveralActors,
                           List<ServiceToSpread> servicesToScaleOrReplicate,
                           List<ReportView.FieldActors> actorsWillingToSupport) {

    /**
     * The support needs of one kind that came up in one week (its Monday).
     *
     * @param raisedIn      {@code interview} (by the interview's date) or {@code session} (identified at a working
     *                      session, by the day it was held)
     * @param organisations the organisations that raised them (interviews only; 0 for sessions)
     */
    public record WeekNeeds(LocalDate weekOf, SupportKind kind, String raisedIn, long needs, long organisations) {
    }

    /**
     * A service worth spreading: a published lesson of class scale or replicate, with the organisations whose
     * measures it draws on, or an open commitment to scale or replicate a service, with its lead and co-signers.
     *
     * @param how    {@code scale} or {@code replicate}
     * @param source {@code lesson} or {@code commitment}, and {@code sourceId} its id
     */
    public record ServiceToSpread(String how, String source, String sourceId, String title, Field field,
                                  List<ActorView> organisations) {
    }
}
