package ro.cluj.crt.events.api;

import java.util.List;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;
import ro.cluj.crt.events.vocabulary.SupportHorizon;
import ro.cluj.crt.events.vocabulary.SupportKind;

/**
 * The report projected from the recorded interviews: amended interviews count in their latest version, retracted
 * ones not at all. Every list is in a fixed order, so that equal history gives equal bytes.
 *
 * @param scope        {@code public} (consented data only) or {@code internal} (everything)
 * @param attributions the published sources whose data the report holds, with the credit they ask for
 */
public record ReportView(String scope, Totals totals, List<SectorCount> bySector, List<FieldCount> byField,
                         List<FieldActors> fieldsWithSeveralActors, List<SupportNeedCount> supportNeeds,
                         List<FieldActors> actorsWillingToSupport, List<Attribution> attributions) {

    public record Totals(long organisations, long interviews, long measures) {
    }

    public record SectorCount(Sector sector, long organisations, long measures) {
    }

    public record FieldCount(Field field, long organisations, long measures) {
    }

    /** A field and the distinct organisations active in it, by name. */
    public record FieldActors(Field field, long actors, List<Sector> sectors, List<ActorView> organisations) {
    }

    /** @param field absent when the interview named no measure with a field */
    public record SupportNeedCount(SupportKind kind, SupportHorizon horizon, Sector sector, Field field,
                                   long needs, long organisations) {
    }

    /** A published source and how many of the report's interviews were documented from it. */
    public record Attribution(String source, String licence, long interviews) {
    }
}
