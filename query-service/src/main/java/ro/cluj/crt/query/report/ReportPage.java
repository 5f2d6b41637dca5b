package ro.cluj.crt.query.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ro.cluj.crt.events.api.EditionSummary;
import ro.cluj.crt.events.api.InsightsView;
import ro.cluj.crt.events.api.ReportView;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.commitment.CommitmentTimelineProjection;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.edition.EditionQueries;
import ro.cluj.crt.query.lesson.LessonProjection;
import ro.cluj.crt.query.page.BarChart;
import ro.cluj.crt.query.page.Labels;
import ro.cluj.crt.query.page.PageLanguage;
import ro.cluj.crt.query.page.Pages;

/**
 * The weekly report as a web page, for the public whoever asks: the public report and the insights (consented data
 * only), drawn as charts with their values in tables, and the published editions.
 */
@Controller
class ReportPage {

    private static final List<String> VIEWS = List.of(CatalogueProjection.PROCESSING_GROUP,
            LessonProjection.PROCESSING_GROUP, CommitmentTimelineProjection.PROCESSING_GROUP);
    private static final int EDITIONS = 52;

    private final ReportQueries reports;
    private final InsightQueries insights;
    private final EditionQueries editions;
    private final ProjectionPositions positions;
    private final MessageSource messages;

    ReportPage(ReportQueries reports, InsightQueries insights, EditionQueries editions,
               ProjectionPositions positions, MessageSource messages) {
        this.reports = reports;
        this.insights = insights;
        this.editions = editions;
        this.positions = positions;
        this.messages = messages;
    }

    private record Read(ReportView report, InsightsView insights, List<EditionSummary> editions) {
    }

    @GetMapping({"/", "/report"})
    String report(@RequestParam(required = false) String lang, @RequestParam(required = false) Long minPosition,
                  Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        PageLanguage.check(lang);
        ProjectionPositions.Positioned<Read> read = positions.read(VIEWS, minPosition,
                () -> new Read(reports.report(false), insights.insights(false), editions.list(0, EDITIONS).items()));
        Pages.prepare(model, locale, read.position(), request, response);
        Labels labels = new Labels(locale);
        ReportView report = read.value().report();
        model.addAttribute("totals", report.totals());
        model.addAttribute("attributions", report.attributions());
        model.addAttribute("editions", read.value().editions());
        model.addAttribute("latest", read.value().editions().stream().findFirst().orElse(null));
        model.addAttribute("charts", List.of(
                needsByWeek(read.value().insights().supportNeedsByWeek(), labels, locale),
                fieldsByActors(report.fieldsWithSeveralActors(), labels, locale),
                sectors(report.bySector(), labels, locale),
                measuresByField(report.byField(), labels, locale)));
        return "pages/report";
    }

    /** Support needs by week: raised in interviews and identified at working sessions, together. */
    private BarChart needsByWeek(List<InsightsView.WeekNeeds> weeks, Labels labels, Locale locale) {
        Map<LocalDate, List<InsightsView.WeekNeeds>> byWeek = new TreeMap<>(weeks.stream()
                .collect(Collectors.groupingBy(InsightsView.WeekNeeds::weekOf)));
        List<BarChart.Value> values = new ArrayList<>();
        byWeek.forEach((week, needs) -> {
            long interviews = sum(needs, "interview");
            long sessions = sum(needs, "session");
            String kinds = needs.stream().map(need -> need.kind()).distinct().sorted()
                    .map(labels::of).collect(Collectors.joining(", "));
            values.add(new BarChart.Value(week.toString(), week.toString(), interviews + sessions,
                    List.of(Long.toString(interviews), Long.toString(sessions),
                            Long.toString(interviews + sessions), kinds)));
        });
        return chart("needs-by-week", values, locale, "week", "raised-in-interviews", "identified-at-sessions",
                "needs", "kinds");
    }

    private static long sum(List<InsightsView.WeekNeeds> needs, String raisedIn) {
        return needs.stream().filter(need -> need.raisedIn().equals(raisedIn))
                .mapToLong(InsightsView.WeekNeeds::needs).sum();
    }

    /** Fields where several organisations act, most actors first, with the sectors they come from. */
    private BarChart fieldsByActors(List<ReportView.FieldActors> fields, Labels labels, Locale locale) {
        List<BarChart.Value> values = fields.stream()
                .sorted(Comparator.comparingLong(ReportView.FieldActors::actors).reversed()
                        .thenComparing(ReportView.FieldActors::field))
                .map(field -> new BarChart.Value(field.field().code(), labels.of(field.field()), field.actors(),
                        List.of(Long.toString(field.actors()), field.sectors().stream().map(labels::of)
                                .collect(Collectors.joining(", ")))))
                .toList();
        return chart("fields-by-actors", values, locale, "field", "actors", "sectors");
    }

    private BarChart sectors(List<ReportView.SectorCount> sectors, Labels labels, Locale locale) {
        List<BarChart.Value> values = sectors.stream()
                .map(sector -> new BarChart.Value(sector.sector().code(), labels.of(sector.sector()),
                        sector.organisations(), List.of(Long.toString(sector.organisations()),
                        Long.toString(sector.measures()))))
                .toList();
        return chart("sectors", values, locale, "sector", "organisations", "measures");
    }

    private BarChart measuresByField(List<ReportView.FieldCount> fields, Labels labels, Locale locale) {
        List<BarChart.Value> values = fields.stream()
                .sorted(Comparator.comparingLong(ReportView.FieldCount::measures).reversed()
                        .thenComparing(ReportView.FieldCount::field))
                .map(field -> new BarChart.Value(field.field().code(), labels.of(field.field()), field.measures(),
                        List.of(Long.toString(field.measures()), Long.toString(field.organisations()))))
                .toList();
        return chart("measures-by-field", values, locale, "field", "measures", "organisations");
    }

    /** A chart whose title, description and column headers are the messages {@code chart.<id>.*}. */
    private BarChart chart(String id, List<BarChart.Value> values, Locale locale, String... columns) {
        List<String> headers = List.of(columns).stream()
                .map(column -> messages.getMessage("column." + column, null, locale)).toList();
        long total = values.stream().mapToLong(BarChart.Value::value).sum();
        return BarChart.of(id, messages.getMessage("chart." + id + ".title", null, locale),
                messages.getMessage("chart." + id + ".description", new Object[] {values.size(), total}, locale),
                headers, values);
    }
}
