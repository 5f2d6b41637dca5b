package ro.cluj.crt.query.commitment;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.CommitmentDashboard;
import ro.cluj.crt.events.api.CommitmentDashboard.Counts;
import ro.cluj.crt.events.api.CommitmentDashboard.GroupCounts;
import ro.cluj.crt.events.api.CommitmentSummary;
import ro.cluj.crt.events.api.OrganisationCommitments;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.events.api.Scorecard;
import ro.cluj.crt.query.config.ViewJson;

/**
 * Reads the dashboard view. Whether an open commitment is on track, at risk or late depends on the day it is read,
 * so that is decided in each query from the row's next due date, missed milestones and latest progress status.
 */
@Component
class DashboardQueries {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() { };

    /** Each commitment with its standing on {@code :today}; at risk means due by {@code :horizon} or reported so. */
    private static final String STANDING = """
            (SELECT d.commitment_id, d.last_sequence, d.status, d.title, d.field, d.kind, d.lead_organisation_id,
                    d.co_signer_ids, d.session_id, d.start_date, d.target_date, d.next_due_date,
                    d.missed_milestones, d.progress_status, d.percentage, d.progress_for, d.assessment, d.made_at,
                    d.changed_at,
                    CASE WHEN d.status <> 'open' THEN d.status
                         WHEN d.missed_milestones > 0 OR d.next_due_date < :today THEN 'late'
                         WHEN d.next_due_date <= :horizon
                              OR d.progress_status IN ('at-risk', 'delayed', 'blocked') THEN 'at-risk'
                         ELSE 'on-track' END AS standing
             FROM commitment_dashboard d)""";

    /** The standing view {@code s} with the lead organisation's name, for rows shown one by one. */
    private static final String LISTED = "(SELECT s.*, o.name AS lead_organisation_name FROM " + STANDING + " s"
            + " LEFT JOIN organisation o ON o.organisation_id = s.lead_organisation_id) s";

    /**
     * The counts of a group, over rows {@code g} that already count the commitments of each standing ({@code n}):
     * grouping by the standing computes it once a row, where a filter per count would compute it once a count.
     */
    private static final String COUNTS = """
            coalesce(sum(g.n), 0)::bigint AS commitments,
            coalesce(sum(g.n) FILTER (WHERE g.standing = 'on-track'), 0)::bigint AS on_track,
            coalesce(sum(g.n) FILTER (WHERE g.standing = 'at-risk'), 0)::bigint AS at_risk,
            coalesce(sum(g.n) FILTER (WHERE g.standing = 'late'), 0)::bigint AS late,
            coalesce(sum(g.n) FILTER (WHERE g.standing = 'fulfilled'), 0)::bigint AS fulfilled,
            coalesce(sum(g.n) FILTER (WHERE g.standing = 'abandoned'), 0)::bigint AS abandoned""";

    private final NamedParameterJdbcTemplate jdbc;

    DashboardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    CommitmentDashboard dashboard(DashboardDay day) {
        MapSqlParameterSource on = day.parameters();
        Counts total = jdbc.queryForObject("SELECT " + COUNTS + " FROM (SELECT s.standing, count(*) AS n FROM "
                + STANDING + " s GROUP BY s.standing) g", on, (row, i) -> counts(row));
        return new CommitmentDashboard(day.today(), day.atRiskWithinDays(), total, grouped("field", on),
                grouped("session_id", on), overTime());
    }

    private List<GroupCounts> grouped(String column, MapSqlParameterSource on) {
        return jdbc.query("SELECT g.key, " + COUNTS + " FROM (SELECT s." + column + " AS key, s.standing, count(*)"
                        + " AS n FROM " + STANDING + " s GROUP BY 1, 2) g GROUP BY g.key"
                        + " ORDER BY commitments DESC, g.key NULLS LAST", on,
                (row, i) -> new GroupCounts(row.getString("key"), counts(row)));
    }

    /** Counted by month and type first, then spread over the columns: one comparison of the type a row. */
    private List<CommitmentDashboard.Month> overTime() {
        return jdbc.query("""
                SELECT g.month,
                       coalesce(sum(g.n) FILTER (WHERE g.event_type = 'CommitmentMade'), 0)::bigint AS made,
                       coalesce(sum(g.n) FILTER (WHERE g.event_type = 'CommitmentFulfilled'), 0)::bigint AS fulfilled,
                       coalesce(sum(g.n) FILTER (WHERE g.event_type = 'CommitmentAbandoned'), 0)::bigint AS abandoned,
                       coalesce(sum(g.n) FILTER (WHERE g.event_type = 'CommitmentReopened'), 0)::bigint AS reopened,
                       coalesce(sum(g.n) FILTER (WHERE g.event_type IN ('MilestoneMissed', 'TargetDateMissed')), 0)
                           ::bigint AS missed,
                       coalesce(sum(g.n) FILTER (WHERE g.event_type = 'ProgressReported'), 0)::bigint
                           AS progress_reports,
                       coalesce(sum(g.n) FILTER (WHERE g.event_type = 'CommitmentReviewed'), 0)::bigint AS reviews
                FROM (SELECT to_char(coalesce(occurred_on, (recorded_at AT TIME ZONE 'Europe/Bucharest')::date),
                                     'YYYY-MM') AS month, event_type, count(*) AS n
                      FROM commitment_timeline GROUP BY 1, 2) g
                GROUP BY g.month ORDER BY g.month""",
                (row, i) -> new CommitmentDashboard.Month(row.getString("month"), row.getLong("made"),
                        row.getLong("fulfilled"), row.getLong("abandoned"), row.getLong("reopened"),
                        row.getLong("missed"), row.getLong("progress_reports"), row.getLong("reviews")));
    }

    Page<CommitmentSummary> commitments(DashboardFilter filter, int page, int size) {
        MapSqlParameterSource parameters = filter.parameters().addValue("limit", size)
                .addValue("offset", (long) page * size);
        long total = jdbc.queryForObject("SELECT count(*) FROM " + STANDING + " s WHERE " + filter.condition(),
                parameters, Long.class);
        List<CommitmentSummary> items = jdbc.query("SELECT * FROM " + LISTED + " WHERE " + filter.condition()
                + " ORDER BY " + filter.order() + " LIMIT :limit OFFSET :offset", parameters, (row, i) -> summary(row));
        return new Page<>(items, page, size, total);
    }

    /** One commitment as the lists show it, on the day; empty when there is none with this id. */
    Optional<CommitmentSummary> one(String commitmentId, DashboardDay day) {
        return jdbc.query("SELECT * FROM " + LISTED + " WHERE s.commitment_id = :commitment",
                day.parameters().addValue("commitment", commitmentId), (row, i) -> summary(row)).stream().findFirst();
    }

    /** Every commitment the filter keeps, in its order, one at a time (for exports of any size). */
    void eachCommitment(DashboardFilter filter, Consumer<CommitmentSummary> consumer) {
        jdbc.query("SELECT * FROM " + LISTED + " WHERE " + filter.condition() + " ORDER BY " + filter.order(),
                filter.parameters(), (RowCallbackHandler) row -> consumer.accept(summary(row)));
    }

    /** Every commitment the filter keeps with its description, for an export as Decidim results. */
    void eachResult(DashboardFilter filter, String timelineAddress, Consumer<DecidimResults.Result> consumer) {
        jdbc.query("SELECT s.*, d.state ->> 'description' AS description FROM " + LISTED
                        + " JOIN commitment_dashboard d USING (commitment_id) WHERE " + filter.condition()
                        + " ORDER BY " + filter.order(), filter.parameters(),
                (RowCallbackHandler) row -> consumer.accept(new DecidimResults.Result(summary(row),
                        row.getString("description"),
                        timelineAddress.formatted(row.getString("commitment_id")))));
    }

    Page<Scorecard> scorecards(DashboardDay day, int page, int size) {
        MapSqlParameterSource parameters = day.parameters().addValue("limit", size)
                .addValue("offset", (long) page * size);
        long total = jdbc.queryForObject("SELECT count(DISTINCT organisation_id) FROM commitment_party",
                parameters, Long.class);
        return new Page<>(jdbc.query(scorecardQuery("") + " LIMIT :limit OFFSET :offset", parameters,
                (row, i) -> scorecard(row)), page, size, total);
    }

    void eachScorecard(DashboardDay day, Consumer<Scorecard> consumer) {
        jdbc.query(scorecardQuery(""), day.parameters(), (RowCallbackHandler) row -> consumer.accept(scorecard(row)));
    }

    /** Empty when the organisation is bound by no commitment and not in the catalogue either. */
    Optional<OrganisationCommitments> ofOrganisation(String organisationId, DashboardDay day) {
        MapSqlParameterSource parameters = day.parameters().addValue("organisation", organisationId);
        List<Scorecard> card = jdbc.query(scorecardQuery("WHERE p.organisation_id = :organisation"), parameters,
                (row, i) -> scorecard(row));
        if (card.isEmpty()) {
            return jdbc.queryForList("SELECT name FROM organisation WHERE organisation_id = :organisation",
                    parameters, String.class).stream().findFirst()
                    .map(name -> new OrganisationCommitments(new Scorecard(organisationId, name, 0, 0, 0, 0, 0, 0),
                            List.of()));
        }
        List<OrganisationCommitments.Commitment> commitments = new ArrayList<>();
        jdbc.query("SELECT p.role, s.* FROM commitment_party p JOIN " + LISTED + " USING (commitment_id)"
                        + " WHERE p.organisation_id = :organisation ORDER BY s.made_at, s.commitment_id", parameters,
                (RowCallbackHandler) row -> commitments.add(
                        new OrganisationCommitments.Commitment(row.getString("role"), summary(row))));
        return Optional.of(new OrganisationCommitments(card.getFirst(), commitments));
    }

    private static String scorecardQuery(String where) {
        return "SELECT g.organisation_id, g.name, " + COUNTS + " FROM (SELECT p.organisation_id, o.name, s.standing,"
                + " count(*) AS n FROM commitment_party p JOIN " + STANDING + " s USING (commitment_id)"
                + " LEFT JOIN organisation o ON o.organisation_id = p.organisation_id " + where
                + " GROUP BY 1, 2, 3) g GROUP BY g.organisation_id, g.name"
                + " ORDER BY commitments DESC, g.organisation_id";
    }

    private static Counts counts(ResultSet row) throws SQLException {
        return new Counts(row.getLong("commitments"), row.getLong("on_track"), row.getLong("at_risk"),
                row.getLong("late"), row.getLong("fulfilled"), row.getLong("abandoned"));
    }

    private static Scorecard scorecard(ResultSet row) throws SQLException {
        Counts counts = counts(row);
        return new Scorecard(row.getString("organisation_id"), row.getString("name"), counts.commitments(),
                counts.onTrack(), counts.atRisk(), counts.late(), counts.fulfilled(), counts.abandoned());
    }

    private static CommitmentSummary summary(ResultSet row) throws SQLException {
        List<String> coSigners = ViewJson.read(row.getString("co_signer_ids"), IDS);
        return new CommitmentSummary(row.getString("commitment_id"), row.getString("title"), row.getString("field"),
                row.getString("kind"), row.getString("lead_organisation_id"),
                row.getString("lead_organisation_name"), coSigners, row.getString("session_id"),
                row.getString("status"), row.getString("standing"), row.getObject("start_date", LocalDate.class),
                row.getObject("target_date", LocalDate.class), row.getObject("next_due_date", LocalDate.class),
                row.getInt("missed_milestones"), row.getString("progress_status"),
                row.getObject("percentage", Integer.class), row.getObject("progress_for", LocalDate.class),
                row.getString("assessment"), row.getObject("made_at", OffsetDateTime.class).toInstant(),
                row.getObject("changed_at", OffsetDateTime.class).toInstant(), row.getLong("last_sequence"));
    }
}
