package ro.cluj.crt.query.report;

import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.InsightsView;

/** The insights as the public reads them at {@code /api/insights}, for the open-data archive. */
@Component
public class PublicInsights {

    private final InsightQueries queries;

    PublicInsights(InsightQueries queries) {
        this.queries = queries;
    }

    public InsightsView insights() {
        return queries.insights(false);
    }
}
