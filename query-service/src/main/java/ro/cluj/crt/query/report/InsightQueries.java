package ro.cluj.crt.query.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.ActorView;
import ro.cluj.crt.events.api.InsightsView;
import ro.cluj.crt.events.api.InsightsView.ServiceToSpread;
import ro.cluj.crt.events.api.InsightsView.WeekNeeds;
import ro.cluj.crt.events.api.ReportView;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.Sector;
import ro.cluj.crt.events.vocabulary.SupportKind;

/**
 * The insight views, computed from the catalogue, the process view (lessons) and the commitment dashboard, with the
 * report's consent rules: the public sees consented interviews only, and organisations named only with consent
 * "publish". Commitments are public records, so their organisations are always named.
 */
@Component
class InsightQueries {

    private static final String CONSENTED = "%s.consent IN ('publish', 'publish-without-name')";

    private final JdbcTemplate jdbc;
    private final ReportQueries reports;

    InsightQueries(JdbcTemplate jdbc, ReportQueries reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    InsightsView insights(boolean everything) {
        ReportView report = reports.report(everything);
        List<ServiceToSpread> services = new ArrayList<>(fromLessons(everything));
        services.addAll(fromCommitments());
        return new InsightsView(report.scope(), needsByWeek(everything), report.fieldsWithSeveralActors(), services,
                report.actorsWillingToSupport());
    }

    /**
     * Support needs by the week they came up: raised in interviews (by interview date) and identified at working
     * sessions (by the day held, or planned).
     */
    private List<WeekNeeds> needsByWeek(boolean everything) {
        return jdbc.query("""
                SELECT date_trunc('week', i.interview_date)::date AS week, n.kind, 'interview' AS raised_in,
                       count(*) AS needs, count(DISTINCT n.organisation_id) AS organisations
                FROM support_need n JOIN interview i USING (interview_id)
                WHERE %s
                GROUP BY week, n.kind
                UNION ALL
                SELECT date_trunc('week', coalesce(w.held_on, w.session_date))::date AS week, x.support_kind,
                       'session', count(*), 0
                FROM session_outcome x JOIN working_session w USING (session_id)
                WHERE x.kind = 'support-need' AND w.status <> 'cancelled'
                GROUP BY week, x.support_kind
                ORDER BY week, kind, raised_in"""
                        .formatted(everything ? "TRUE" : CONSENTED.formatted("n")),
                (row, i) -> new WeekNeeds(row.getObject("week", LocalDate.class),
                        SupportKind.fromCode(row.getString("kind")), row.getString("raised_in"),
                        row.getLong("needs"), row.getLong("organisations")));
    }

    /** Published lessons of class scale or replicate, with the organisations of the interviews they draw on. */
    private List<ServiceToSpread> fromLessons(boolean everything) {
        Map<String, ServiceToSpread> lessons = new LinkedHashMap<>();
        jdbc.query("""
                SELECT l.lesson_id, l.lesson_class, l.title, l.field, o.organisation_id, o.name, o.sector,
                       bool_or(i.consent = 'publish') AS named
                FROM lesson l
                JOIN lesson_source s USING (lesson_id)
                JOIN interview i ON i.interview_id = s.interview_id AND i.status = 'active'
                JOIN organisation o ON o.organisation_id = i.organisation_id
                WHERE l.status = 'published' AND l.lesson_class IN ('scale', 'replicate') AND %s
                GROUP BY l.lesson_id, l.lesson_class, l.title, l.field, o.organisation_id, o.name, o.sector
                ORDER BY l.lesson_id, named DESC, o.name, o.organisation_id"""
                        .formatted(everything ? "TRUE" : CONSENTED.formatted("i")),
                (RowCallbackHandler) row -> {
                    boolean named = everything || row.getBoolean("named");
                    ActorView actor = new ActorView(named ? row.getString("organisation_id") : null,
                            named ? row.getString("name") : null, Sector.fromCode(row.getString("sector")), named);
                    String how = row.getString("lesson_class");
                    String title = row.getString("title");
                    Field field = Field.fromCode(row.getString("field"));
                    lessons.computeIfAbsent(row.getString("lesson_id"),
                            id -> new ServiceToSpread(how, "lesson", id, title, field, new ArrayList<>()))
                            .organisations().add(actor);
                });
        return List.copyOf(lessons.values());
    }

    /** Open commitments to scale or replicate a service, with their lead first, then their co-signers. */
    private List<ServiceToSpread> fromCommitments() {
        Map<String, ServiceToSpread> commitments = new LinkedHashMap<>();
        jdbc.query("""
                SELECT d.commitment_id, d.kind, d.title, d.field, o.organisation_id, o.name, o.sector
                FROM commitment_dashboard d
                JOIN commitment_party p USING (commitment_id)
                JOIN organisation o ON o.organisation_id = p.organisation_id
                WHERE d.status = 'open' AND d.kind IN ('scale-service', 'replicate-service')
                ORDER BY d.made_at, d.commitment_id, p.role DESC, o.name, o.organisation_id""",
                (RowCallbackHandler) row -> {
                    ActorView actor = new ActorView(row.getString("organisation_id"), row.getString("name"),
                            Sector.fromCode(row.getString("sector")), true);
                    String how = row.getString("kind").equals("scale-service") ? "scale" : "replicate";
                    String field = row.getString("field");
                    String title = row.getString("title");
                    commitments.computeIfAbsent(row.getString("commitment_id"), id -> new ServiceToSpread(how,
                            "commitment", id, title, field == null ? null : Field.fromCode(field), new ArrayList<>()))
                            .organisations().add(actor);
                });
        return List.copyOf(commitments.values());
    }
}
