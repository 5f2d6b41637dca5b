package ro.cluj.crt.query.commitment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ro.cluj.crt.events.api.CommitmentDashboard;
import ro.cluj.crt.events.api.CommitmentSummary;
import ro.cluj.crt.events.api.CommitmentTimeline;
import ro.cluj.crt.events.api.OrganisationCommitments;
import ro.cluj.crt.events.api.OrganisationProfile;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.catalogue.OrganisationQueries;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.query.config.PointInTime;
import ro.cluj.crt.query.config.ProjectionPositions;
import ro.cluj.crt.query.config.QueryClock;
import ro.cluj.crt.query.page.BarChart;
import ro.cluj.crt.query.page.Labels;
import ro.cluj.crt.query.page.PageLanguage;
import ro.cluj.crt.query.page.Pages;
import ro.cluj.crt.query.page.TimelineChart;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;

/**
 * The commitments as web pages, public like their JSON: the dashboard with its charts and the list, one commitment
 * with its timeline drawn on a line of time, and an organisation with its published measures and how it keeps its
 * commitments. Standings are judged on today's date in Cluj, with the dashboard's default of 30 days for "at risk".
 */
@Controller
class CommitmentPages {

    private static final List<String> VIEWS = List.of(CommitmentTimelineProjection.PROCESSING_GROUP,
            CatalogueProjection.PROCESSING_GROUP);
    private static final int AT_RISK_WITHIN_DAYS = 30;
    private static final int PAGE_SIZE = 25;
    private static final List<String> STANDINGS = List.of("on-track", "at-risk", "late", "fulfilled", "abandoned");

    private final DashboardQueries dashboard;
    private final TimelineQueries timelines;
    private final OrganisationQueries organisations;
    private final ProjectionPositions positions;
    private final MessageSource messages;
    private final Clock clock;

    CommitmentPages(DashboardQueries dashboard, TimelineQueries timelines, OrganisationQueries organisations,
                    ProjectionPositions positions, MessageSource messages, Clock clock) {
        this.dashboard = dashboard;
        this.timelines = timelines;
        this.organisations = organisations;
        this.positions = positions;
        this.messages = messages;
        this.clock = clock;
    }

    private record DashboardRead(CommitmentDashboard counts, Page<CommitmentSummary> list) {
    }

    @GetMapping("/commitments")
    String dashboard(@RequestParam(required = false) String standing, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(required = false) String lang, @RequestParam(required = false) Long minPosition,
                     Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        List<FieldError> errors = new ArrayList<>();
        Paging.check(page, PAGE_SIZE, errors);
        PageLanguage.check(lang, errors);
        DashboardDay day = today();
        DashboardFilter filter;
        try {
            filter = DashboardFilter.of(day, standing, null, null, null, null, null, null);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
            filter = null;
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        DashboardFilter kept = filter;
        ProjectionPositions.Positioned<DashboardRead> read = positions.read(VIEWS, minPosition,
                () -> new DashboardRead(dashboard.dashboard(day), dashboard.commitments(kept, page, PAGE_SIZE)));
        Pages.prepare(model, locale, read.position(), request, response);
        Labels labels = new Labels(locale);
        CommitmentDashboard counts = read.value().counts();
        model.addAttribute("today", counts.today());
        model.addAttribute("total", counts.total().commitments());
        model.addAttribute("charts", List.of(standings("standings", counts.total(), locale),
                byField(counts.byField(), labels, locale), overTime(counts.overTime(), locale)));
        model.addAttribute("standing", standing);
        model.addAttribute("standings", STANDINGS);
        model.addAttribute("list", read.value().list());
        model.addAttribute("pages", (read.value().list().total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "pages/dashboard";
    }

    private record CommitmentRead(Optional<CommitmentSummary> commitment, List<CommitmentTimeline.Entry> entries) {
    }

    @GetMapping("/commitments/{commitmentId}")
    String commitment(@PathVariable String commitmentId, @RequestParam(required = false) String lang,
                      @RequestParam(required = false) Long minPosition, Locale locale, Model model,
                      HttpServletRequest request, HttpServletResponse response) {
        PageLanguage.check(lang);
        DashboardDay day = today();
        ProjectionPositions.Positioned<CommitmentRead> read = positions.read(VIEWS, minPosition,
                () -> new CommitmentRead(dashboard.one(commitmentId, day), timelines.entries(commitmentId, false)));
        CommitmentSummary commitment = read.value().commitment()
                .orElseThrow(() -> new NotFoundException("no commitment with this id"));
        List<CommitmentTimeline.Entry> entries = read.value().entries();
        Pages.prepare(model, locale, read.position(), request, response);
        model.addAttribute("commitment", commitment);
        model.addAttribute("entries", entries.stream().map(entry -> step(entry, locale)).toList());
        model.addAttribute("timeline", timeline(commitment, entries, day.today(), locale));
        return "pages/commitment";
    }

    private record OrganisationRead(Optional<OrganisationProfile> profile,
                                    Optional<OrganisationCommitments> commitments) {
    }

    @GetMapping("/organisations/{organisationId}")
    String organisation(@PathVariable String organisationId, @RequestParam(required = false) String lang,
                        @RequestParam(required = false) Long minPosition, Locale locale, Model model,
                        HttpServletRequest request, HttpServletResponse response) {
        PageLanguage.check(lang);
        DashboardDay day = today();
        ProjectionPositions.Positioned<OrganisationRead> read = positions.read(VIEWS, minPosition,
                () -> new OrganisationRead(organisations.profile(organisationId, false, false),
                        dashboard.ofOrganisation(organisationId, day)));
        Optional<OrganisationCommitments> commitments = read.value().commitments()
                .filter(found -> found.scorecard().made() > 0);
        if (read.value().profile().isEmpty() && commitments.isEmpty()) {
            throw new NotFoundException("no organisation with this id");
        }
        Pages.prepare(model, locale, read.position(), request, response);
        model.addAttribute("profile", read.value().profile().orElse(null));
        model.addAttribute("name", read.value().profile().map(profile -> profile.details().name())
                .orElseGet(() -> commitments.orElseThrow().scorecard().name()));
        Labels labels = new Labels(locale);
        model.addAttribute("fields", read.value().profile().map(profile -> profile.details().fields().stream()
                .map(labels::of).collect(Collectors.joining(", "))).orElse(""));
        model.addAttribute("commitments", commitments.map(OrganisationCommitments::commitments).orElse(List.of()));
        model.addAttribute("scorecard", commitments.map(found -> {
            var card = found.scorecard();
            return standings("scorecard", new CommitmentDashboard.Counts(card.made(), card.onTrack(),
                    card.atRisk(), card.late(), card.fulfilled(), card.abandoned()), locale);
        }).orElse(null));
        return "pages/organisation";
    }

    private DashboardDay today() {
        return new DashboardDay(LocalDate.now(clock.withZone(QueryClock.CLUJ)), AT_RISK_WITHIN_DAYS);
    }

    /** Commitments by where they stand today. */
    private BarChart standings(String id, CommitmentDashboard.Counts counts, Locale locale) {
        long[] values = {counts.onTrack(), counts.atRisk(), counts.late(), counts.fulfilled(), counts.abandoned()};
        List<BarChart.Value> bars = new ArrayList<>();
        for (int i = 0; i < STANDINGS.size(); i++) {
            bars.add(new BarChart.Value(STANDINGS.get(i), message("standing." + STANDINGS.get(i), locale),
                    values[i], List.of(Long.toString(values[i]))));
        }
        return chart(id, bars, counts.commitments(), locale, "standing", "commitments");
    }

    private BarChart byField(List<CommitmentDashboard.GroupCounts> fields, Labels labels, Locale locale) {
        List<BarChart.Value> bars = fields.stream()
                .map(group -> new BarChart.Value(group.key() == null ? "none" : group.key(),
                        group.key() == null ? message("field.none", locale) : labels.field(group.key()),
                        group.counts().commitments(), List.of(Long.toString(group.counts().commitments()),
                        Long.toString(group.counts().late()), Long.toString(group.counts().fulfilled()))))
                .toList();
        long total = fields.stream().mapToLong(group -> group.counts().commitments()).sum();
        return chart("commitments-by-field", bars, total, locale, "field", "commitments", "late", "fulfilled");
    }

    /**
     * Progress reports month by month, in the months that had any, with everything else that happened in the month
     * in the table.
     */
    private BarChart overTime(List<CommitmentDashboard.Month> months, Locale locale) {
        List<BarChart.Value> bars = months.stream().filter(month -> month.progressReports() > 0)
                .map(month -> new BarChart.Value(month.month(), month.month(), month.progressReports(),
                        List.of(Long.toString(month.progressReports()), Long.toString(month.made()),
                                Long.toString(month.reviews()), Long.toString(month.fulfilled()),
                                Long.toString(month.abandoned()), Long.toString(month.missed()))))
                .toList();
        long total = months.stream().mapToLong(CommitmentDashboard.Month::progressReports).sum();
        return chart("progress-by-month", bars, total, locale, "month", "progress-reports", "made", "reviews",
                "fulfilled", "abandoned", "missed");
    }

    private BarChart chart(String id, List<BarChart.Value> bars, long total, Locale locale, String... columns) {
        return BarChart.of(id, message("chart." + id + ".title", locale),
                messages.getMessage("chart." + id + ".description", new Object[] {bars.size(), total}, locale),
                List.of(columns).stream().map(column -> message("column." + column, locale)).toList(), bars);
    }

    /** A step of the timeline as the page lists it. */
    record Step(long sequence, String type, String what, LocalDate date, String note, Integer percentage,
                String progressStatus, String reason, String actorRole) {
    }

    private Step step(CommitmentTimeline.Entry entry, Locale locale) {
        Object percentage = entry.content().get("percentage");
        return new Step(entry.sequence(), entry.type(), message("event." + entry.type(), locale), date(entry),
                text(entry, "note"), percentage instanceof Number number ? number.intValue() : null,
                entry.type().equals("ProgressReported") ? text(entry, "status") : null, entry.reason(),
                entry.actorRole());
    }

    private TimelineChart timeline(CommitmentSummary commitment, List<CommitmentTimeline.Entry> entries,
                                   LocalDate today, Locale locale) {
        List<TimelineChart.Step> steps = entries.stream().map(entry -> {
            Step step = step(entry, locale);
            return new TimelineChart.Step(step.sequence(), step.type(), step.date(), step.percentage(),
                    step.date() + ": " + step.what() + (step.percentage() == null ? "" : " " + step.percentage()
                            + "%"));
        }).toList();
        return TimelineChart.of(message("chart.timeline.title", locale),
                messages.getMessage("chart.timeline.description", new Object[] {steps.size(),
                        commitment.startDate(), commitment.targetDate()}, locale),
                commitment.startDate(), commitment.targetDate(), today, message("timeline.start", locale),
                message("timeline.target", locale), message("timeline.today", locale), steps);
    }

    /** When the step happened where the event says (a report about an earlier date), else when it was recorded. */
    private static LocalDate date(CommitmentTimeline.Entry entry) {
        return entry.occurredOn() != null ? entry.occurredOn()
                : entry.recordedAt().atZone(PointInTime.CLUJ).toLocalDate();
    }

    private static String text(CommitmentTimeline.Entry entry, String key) {
        return entry.content().get(key) instanceof String text && !text.isBlank() ? text : null;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
