package ro.cluj.crt.query.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.CommitmentSummary;
import ro.cluj.crt.events.api.Scorecard;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.config.QueryClock;

/**
 * The dashboard's two lists whole, read for today in Cluj with the default at-risk horizon, for the open-data
 * exports: the same rows {@code /api/dashboard/commitments.csv} and {@code /api/dashboard/scorecards.csv} give
 * without filters. Run it inside a read of {@link #VIEWS}.
 */
@Component
public class DashboardRows {

    /** The views the rows come from: the dashboard, and the catalogue for organisations' names. */
    public static final List<String> VIEWS = List.of(CommitmentTimelineProjection.PROCESSING_GROUP,
            CatalogueProjection.PROCESSING_GROUP);
    /** The column names of the dashboard's own CSV, which the open-data tables keep. */
    public static final List<String> COMMITMENT_COLUMNS = List.of(DashboardCsv.COMMITMENT_COLUMNS);
    public static final List<String> SCORECARD_COLUMNS = List.of(DashboardCsv.SCORECARD_COLUMNS);

    private static final int DEFAULT_WITHIN_DAYS = 30;

    private final DashboardQueries queries;
    private final Clock clock;

    DashboardRows(DashboardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public void eachCommitment(Consumer<CommitmentSummary> consumer) {
        queries.eachCommitment(DashboardFilter.of(day(), null, null, null, null, null, null, null), consumer);
    }

    public void eachScorecard(Consumer<Scorecard> consumer) {
        queries.eachScorecard(day(), consumer);
    }

    private DashboardDay day() {
        return new DashboardDay(LocalDate.now(clock.withZone(QueryClock.CLUJ)), DEFAULT_WITHIN_DAYS);
    }
}
