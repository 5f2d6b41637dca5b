package ro.cluj.crt.query.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.ActorView;
import ro.cluj.crt.events.api.ReportView;
import ro.cluj.crt.events.api.ReportView.Attribution;
import ro.cluj.crt.events.api.ReportView.FieldActors;
import ro.cluj.crt.events.api.ReportView.FieldCount;
import ro.cluj.crt.events.api.ReportView.SectorCount;
import ro.cluj.crt.events.api.ReportView.SupportNeedCount;
import ro.cluj.crt.events.api.ReportView.Totals;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;
import ro.cluj.crt.events.vocabulary.SupportHorizon;
import ro.cluj.crt.events.vocabulary.SupportKind;

/**
 * Computes the report from the catalogue view. Only interviews that count are in the measure and support tables
 * (latest version, not retracted); the public scope further keeps only rows whose interview consented to publication,
 * and names an organisation only where it consented to be named.
 */
@Component
public class ReportQueries {

    private static final String CONSENTED = "%s.consent IN ('publish', 'publish-without-name')";
    private static final Comparator<ActorView> ACTOR_ORDER = Comparator
            .comparing(ActorView::named).reversed()
            .thenComparing(ActorView::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ActorView::organisationId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ActorView::sector);

    private final JdbcTemplate jdbc;

    public ReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ReportView report(boolean everything) {
        Visibility visible = alias -> everything ? "TRUE" : CONSENTED.formatted(alias);
        return new ReportView(everything ? "internal" : "public", totals(visible), bySector(visible),
                byField(visible), fieldsWithSeveralActors(visible, everything), supportNeeds(visible),
                willingToSupport(visible, everything), attributions(visible));
    }

    /** The condition that keeps the rows of table alias {@code alias} that the reader may see. */
    private interface Visibility {
        String of(String alias);
    }

    private Totals totals(Visibility visible) {
        return jdbc.queryForObject("""
                SELECT (SELECT count(DISTINCT organisation_id) FROM interview i WHERE status = 'active' AND %1$s),
                       (SELECT count(*) FROM interview i WHERE status = 'active' AND %1$s),
                       (SELECT count(*) FROM measure m WHERE %2$s)""".formatted(visible.of("i"), visible.of("m")),
                (row, i) -> new Totals(row.getLong(1), row.getLong(2), row.getLong(3)));
    }

    private List<SectorCount> bySector(Visibility visible) {
        Map<Sector, long[]> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT o.sector, count(DISTINCT i.organisation_id) AS organisations,
                       (SELECT count(*) FROM measure m JOIN organisation mo USING (organisation_id)
                         WHERE mo.sector = o.sector AND %1$s) AS measures
                FROM interview i JOIN organisation o USING (organisation_id)
                WHERE i.status = 'active' AND %2$s
                GROUP BY o.sector""".formatted(visible.of("m"), visible.of("i")),
                row -> {
                    counts.put(Sector.fromCode(row.getString("sector")),
                            new long[] {row.getLong("organisations"), row.getLong("measures")});
                });
        return counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new SectorCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private List<FieldCount> byField(Visibility visible) {
        return jdbc.query("""
                SELECT field, count(DISTINCT organisation_id) AS organisations, count(*) AS measures
                FROM measure m WHERE %s GROUP BY field""".formatted(visible.of("m")),
                (row, i) -> new FieldCount(Field.fromCode(row.getString("field")), row.getLong("organisations"),
                        row.getLong("measures")))
                .stream().sorted(Comparator.comparing(FieldCount::field)).toList();
    }

    private List<FieldActors> fieldsWithSeveralActors(Visibility visible, boolean everything) {
        return actorsByField("measure", visible, everything, 2);
    }

    private List<FieldActors> willingToSupport(Visibility visible, boolean everything) {
        return actorsByField("support_offer", visible, everything, 1);
    }

    /** The organisations with rows in {@code table} (measures or support offers), by field. */
    private List<FieldActors> actorsByField(String table, Visibility visible, boolean everything,
                                            int minimumActors) {
        return actorsByField("""
                SELECT t.field, t.organisation_id, o.name, o.sector, bool_or(t.consent = 'publish') AS named
                FROM %s t JOIN organisation o USING (organisation_id)
                WHERE %s
                GROUP BY t.field, t.organisation_id, o.name, o.sector""".formatted(table, visible.of("t")),
                everything, minimumActors);
    }

    private List<FieldActors> actorsByField(String sql, boolean everything, int minimumActors) {
        Map<Field, List<ActorView>> byField = new LinkedHashMap<>();
        jdbc.query(sql, row -> {
            byField.computeIfAbsent(Field.fromCode(row.getString("field")), field -> new ArrayList<>())
                    .add(actor(row, everything));
        });
        return byField.entrySet().stream()
                .filter(entry -> entry.getValue().size() >= minimumActors)
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> {
                    List<ActorView> actors = entry.getValue().stream().sorted(ACTOR_ORDER).toList();
                    List<Sector> sectors = List.copyOf(new TreeSet<>(actors.stream().map(ActorView::sector)
                            .toList()));
                    return new FieldActors(entry.getKey(), actors.size(), sectors, actors);
                })
                .toList();
    }

    private static ActorView actor(ResultSet row, boolean everything) throws SQLException {
        Sector sector = Sector.fromCode(row.getString("sector"));
        boolean named = row.getBoolean("named");
        if (everything || named) {
            return new ActorView(row.getString("organisation_id"), row.getString("name"), sector, named);
        }
        return new ActorView(null, null, sector, false);
    }

    private List<SupportNeedCount> supportNeeds(Visibility visible) {
        return jdbc.query("""
                SELECT n.kind, n.horizon, o.sector, f.field, count(*) AS needs,
                       count(DISTINCT n.organisation_id) AS organisations
                FROM support_need n
                JOIN organisation o USING (organisation_id)
                LEFT JOIN LATERAL (SELECT DISTINCT m.field FROM measure m WHERE m.interview_id = n.interview_id) f
                       ON TRUE
                WHERE %s
                GROUP BY n.kind, n.horizon, o.sector, f.field""".formatted(visible.of("n")),
                (row, i) -> new SupportNeedCount(SupportKind.fromCode(row.getString("kind")),
                        row.getString("horizon") == null ? null : SupportHorizon.fromCode(row.getString("horizon")),
                        Sector.fromCode(row.getString("sector")),
                        row.getString("field") == null ? null : Field.fromCode(row.getString("field")),
                        row.getLong("needs"), row.getLong("organisations")))
                .stream()
                .sorted(Comparator.comparing(SupportNeedCount::kind)
                        .thenComparing(SupportNeedCount::horizon, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(SupportNeedCount::sector)
                        .thenComparing(SupportNeedCount::field, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private List<Attribution> attributions(Visibility visible) {
        return jdbc.query("""
                SELECT source_name, source_licence, count(*) AS interviews
                FROM interview i
                WHERE status = 'active' AND source_name IS NOT NULL AND %s
                GROUP BY source_name, source_licence
                ORDER BY source_name, source_licence NULLS LAST""".formatted(visible.of("i")),
                (row, i) -> new Attribution(row.getString("source_name"), row.getString("source_licence"),
                        row.getLong("interviews")));
    }
}
