package ro.cluj.crt.query.opendata;

import static ro.cluj.crt.query.opendata.Column.bool;
import static ro.cluj.crt.query.opendata.Column.date;
import static ro.cluj.crt.query.opendata.Column.instant;
import static ro.cluj.crt.query.opendata.Column.integer;
import static ro.cluj.crt.query.opendata.Column.list;
import static ro.cluj.crt.query.opendata.Column.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.InterviewView;
import ro.cluj.crt.events.api.OrganisationSummary;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.events.interview.Measure;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.catalogue.OrganisationQueries;
import ro.cluj.crt.query.commitment.CommitmentTimelineProjection;
import ro.cluj.crt.query.commitment.DashboardRows;
import ro.cluj.crt.query.config.Paging;
import ro.cluj.crt.query.edition.EditionRows;
import ro.cluj.crt.query.lesson.LessonProjection;
import ro.cluj.crt.query.lesson.LessonQueries;
import ro.cluj.crt.query.session.SessionQueries;

/**
 * Every public list view, as the public sees it (consent respected as the read API does; no contact people, no
 * recommendations): organisations, their published interviews and those interviews' measures, weekly editions,
 * published lessons, sessions that are not cancelled, the commitments of the dashboard and the organisations'
 * scorecards. Column names are stable: a column may be added, never renamed or removed.
 */
@Component
class PublicTables {

    /** The public's view: only consented interviews, published lessons, sessions not cancelled. */
    private static final boolean PUBLIC = false;
    private static final List<String> CATALOGUE = List.of(CatalogueProjection.PROCESSING_GROUP);
    private static final List<String> PROCESS = List.of(LessonProjection.PROCESSING_GROUP,
            CatalogueProjection.PROCESSING_GROUP, CommitmentTimelineProjection.PROCESSING_GROUP);

    /** A measure of a published interview, with the interview and organisation it belongs to. */
    record MeasureRow(String interviewId, String organisationId, Measure measure) {
    }

    private final List<PublicTable> tables;

    PublicTables(OrganisationQueries organisations, EditionRows editions, LessonQueries lessons,
                 SessionQueries sessions, DashboardRows dashboard) {
        this.tables = List.of(
                organisations(organisations),
                interviews(organisations),
                measures(organisations),
                editions(editions),
                lessons(lessons),
                sessions(sessions),
                commitments(dashboard),
                scorecards(dashboard));
    }

    List<PublicTable> all() {
        return tables;
    }

    Optional<PublicTable> named(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** Every processing group some table reads. */
    List<String> views() {
        return tables.stream().flatMap(table -> table.views().stream()).distinct().sorted().toList();
    }

    private static PublicTable organisations(OrganisationQueries queries) {
        return new PublicTable("organisations", "Organisations",
                "Organisations with at least one interview published with consent, by name",
                CATALOGUE, List.of(
                        text("organisation_id", "id", "opaque id of the organisation"),
                        text("name", "name", "name"),
                        text("sector", "sector", "sector code (vocabulary sector)"),
                        text("authority_level", "authorityLevel", "level of a public authority, if one"),
                        text("locality", "locality", "locality"),
                        integer("interviews", "interviews", "published interviews"),
                        integer("measures", "measures", "measures in those interviews")),
                row -> eachOrganisation(queries, row::accept));
    }

    private static PublicTable interviews(OrganisationQueries queries) {
        return new PublicTable("interviews", "Interviews",
                "Interviews published with consent, latest version, by organisation name and newest first",
                CATALOGUE, List.of(
                        text("interview_id", "id", "opaque id of the interview"),
                        text("organisation_id", "organisationId", "organisation interviewed"),
                        integer("version", "version", "version of the interview (0 for the first)"),
                        text("status", "status", "active"),
                        date("date", "content/date", "day of the interview"),
                        text("channel", "content/channel", "how it was held (vocabulary channel)"),
                        text("consent", "content/consent", "publication consent given (vocabulary consent)"),
                        list("measure_ids", "content/measures/*/measureId", "measures described"),
                        list("support_needs", "content/supportNeeds/*/kind", "kinds of support needed"),
                        bool("willing_to_support", "content/supportOffer/willing", "willing to support others"),
                        list("support_fields", "content/supportOffer/fields", "fields it offers support in"),
                        text("lessons", "content/lessons", "lessons the organisation drew, as told"),
                        text("source_name", "content/source/name", "published source, if imported from one"),
                        text("source_licence", "content/source/licence", "licence of that source"),
                        text("source_attribution", "content/source/attribution", "attribution that source asks"),
                        text("external_source", "externalReference/source", "source of the external id"),
                        text("external_id", "externalReference/id", "id in that source"),
                        instant("recorded_at", "recordedAt", "when the tracker recorded it (UTC)"),
                        instant("amended_at", "amendedAt", "when last amended (UTC), if ever")),
                row -> eachInterview(queries, (organisation, interview) -> row.accept(interview)));
    }

    private static PublicTable measures(OrganisationQueries queries) {
        return new PublicTable("measures", "Measures",
                "Measures described in interviews published with consent",
                CATALOGUE, List.of(
                        text("measure_id", "measure/measureId", "id of the measure within its interview"),
                        text("interview_id", "interviewId", "interview describing it"),
                        text("organisation_id", "organisationId", "organisation running it"),
                        text("title", "measure/title", "title"),
                        text("field", "measure/field", "field code (vocabulary field)"),
                        text("field_detail", "measure/fieldDetail", "detail of the field"),
                        text("description", "measure/description", "description"),
                        list("target_groups", "measure/targetGroups", "groups it serves"),
                        date("start_date", "measure/startDate", "first day"),
                        date("end_date", "measure/endDate", "last day, if ended"),
                        list("partners", "measure/partners", "partners"),
                        text("reach", "measure/reach", "reach, as told"),
                        list("industries", "measure/industries", "industries concerned"),
                        list("evidence", "measure/evidence", "evidence: links or documents")),
                row -> eachInterview(queries, (organisation, interview) -> {
                    interview.content().measures().forEach(measure ->
                            row.accept(new MeasureRow(interview.id(), organisation, measure)));
                }));
    }

    private static PublicTable editions(EditionRows editions) {
        return new PublicTable("editions", "Weekly editions", "Published weekly editions, newest first",
                CATALOGUE, List.of(
                        integer("number", "number", "edition number"),
                        date("published_on", "publishedOn", "day published"),
                        date("week_of", "weekOf", "week reported on, if given"),
                        text("title", "title", "title"),
                        integer("corrects", "corrects", "number of the edition it corrects, if any"),
                        list("corrected_by", "correctedBy", "numbers of the editions correcting it"),
                        integer("position", "position", "event store position the edition reflects"),
                        text("sha256", "sha256", "SHA-256 of the edition's canonical JSON")),
                row -> editions.each(row::accept));
    }

    private static PublicTable lessons(LessonQueries queries) {
        LessonQueries.Filter all = new LessonQueries.Filter(null, null, null);
        return new PublicTable("lessons", "Lessons learned", "Published lessons learned, newest draft first",
                PROCESS, List.of(
                        text("lesson_id", "lessonId", "opaque id of the lesson"),
                        integer("version", "version", "version of the lesson"),
                        text("status", "status", "published"),
                        text("title", "title", "title"),
                        text("text", "text", "the lesson"),
                        text("field", "field", "field code (vocabulary field)"),
                        text("lesson_class", "lessonClass", "class (vocabulary lessonClass)"),
                        list("source_interview_ids", "sources/*/interviewId", "interviews it draws on"),
                        list("source_measure_ids", "sources/*/measureId", "measures it draws on"),
                        list("source_organisation_ids", "sources/*/organisationId",
                                "organisations of those interviews, where published"),
                        instant("drafted_at", "draftedAt", "when drafted (UTC)"),
                        instant("published_at", "publishedAt", "when published (UTC)"),
                        instant("changed_at", "changedAt", "when last changed (UTC)")),
                row -> paged((page, size) -> queries.lessons(all, page, size, PUBLIC), row::accept));
    }

    private static PublicTable sessions(SessionQueries queries) {
        SessionQueries.Filter all = new SessionQueries.Filter(null, null, null);
        return new PublicTable("sessions", "Working sessions", "Scheduled and held working sessions, latest first",
                PROCESS, List.of(
                        text("session_id", "sessionId", "opaque id of the session"),
                        integer("version", "version", "version of the session"),
                        text("status", "status", "scheduled or held"),
                        text("topic", "topic", "topic"),
                        date("date", "date", "day planned"),
                        text("place", "place", "place, if any"),
                        text("link", "link", "online link, if any"),
                        date("held_on", "heldOn", "day held, once held"),
                        integer("participants", "participants", "participants registered"),
                        integer("outcomes", "outcomes", "outcomes recorded")),
                row -> paged((page, size) -> queries.sessions(all, page, size, PUBLIC), row::accept));
    }

    private static PublicTable commitments(DashboardRows dashboard) {
        return new PublicTable("commitments", "Commitments",
                "Commitments and where they stand today in Cluj (at risk within 30 days), as the dashboard lists them",
                DashboardRows.VIEWS, dashboardColumns(DashboardRows.COMMITMENT_COLUMNS, List.of(
                        text("commitment_id", "commitmentId", "opaque id of the commitment"),
                        text("title", "title", "title"),
                        text("field", "field", "field code (vocabulary field)"),
                        text("kind", "kind", "kind (vocabulary commitmentKind)"),
                        text("lead_organisation_id", "leadOrganisationId", "organisation leading it"),
                        text("lead_organisation_name", "leadOrganisationName", "its name"),
                        list("co_signer_ids", "coSignerIds", "co-signing organisations"),
                        text("session_id", "sessionId", "working session it was made at, if any"),
                        text("status", "status", "open, fulfilled or abandoned"),
                        text("standing", "standing", "on-track, at-risk, late, fulfilled or abandoned"),
                        date("start_date", "startDate", "start"),
                        date("target_date", "targetDate", "target date"),
                        date("next_due_date", "nextDueDate", "next date due, if any"),
                        integer("missed_milestones", "missedMilestones", "milestones past due unmet"),
                        text("progress_status", "progressStatus", "latest progress report's status"),
                        integer("percentage", "percentage", "latest percentage reported"),
                        date("progress_for", "progressFor", "day the latest report is for"),
                        text("assessment", "assessment", "latest review's assessment"),
                        instant("made_at", "madeAt", "when made (UTC)"),
                        instant("changed_at", "changedAt", "when last changed (UTC)"),
                        integer("last_sequence", "lastSequence", "number of its latest event"))),
                row -> dashboard.eachCommitment(row::accept));
    }

    private static PublicTable scorecards(DashboardRows dashboard) {
        return new PublicTable("scorecards", "Scorecards", "Per organisation: commitments made and how they stand",
                DashboardRows.VIEWS, dashboardColumns(DashboardRows.SCORECARD_COLUMNS, List.of(
                        text("organisation_id", "organisationId", "opaque id of the organisation"),
                        text("name", "name", "name"),
                        integer("made", "made", "commitments made, as lead or co-signer"),
                        integer("on_track", "onTrack", "open and on track"),
                        integer("at_risk", "atRisk", "open and at risk"),
                        integer("late", "late", "open and late"),
                        integer("fulfilled", "fulfilled", "fulfilled"),
                        integer("abandoned", "abandoned", "abandoned"))),
                row -> dashboard.eachScorecard(row::accept));
    }

    /** The dashboard's own CSV names its columns: ours must be the same, in the same order. */
    private static List<Column> dashboardColumns(List<String> names, List<Column> columns) {
        if (!columns.stream().map(Column::name).toList().equals(names)) {
            throw new IllegalStateException("open-data columns differ from the dashboard's CSV: " + names);
        }
        return columns;
    }

    private static void eachOrganisation(OrganisationQueries queries, Consumer<OrganisationSummary> consumer) {
        paged((page, size) -> queries.list(page, size, PUBLIC), consumer);
    }

    private static void eachInterview(OrganisationQueries queries,
                                      BiConsumer<String, InterviewView> consumer) {
        List<String> ids = new ArrayList<>();
        eachOrganisation(queries, organisation -> ids.add(organisation.id()));
        for (String id : ids) {
            queries.profile(id, PUBLIC, PUBLIC).ifPresent(profile ->
                    profile.interviews().forEach(interview -> consumer.accept(id, interview)));
        }
    }

    private static <T> void paged(BiFunction<Integer, Integer, Page<T>> read, Consumer<? super T> consumer) {
        for (int page = 0; ; page++) {
            Page<T> items = read.apply(page, Paging.MAX_SIZE);
            items.items().forEach(consumer);
            if ((long) (page + 1) * Paging.MAX_SIZE >= items.total()) {
                return;
            }
        }
    }
}
