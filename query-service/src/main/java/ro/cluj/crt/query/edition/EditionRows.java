package ro.cluj.crt.query.edition;

import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.api.EditionSummary;
import ro.cluj.crt.events.api.Page;
import ro.cluj.crt.query.config.Paging;

/** Every published edition's summary, newest first, as {@code /api/editions} lists them: for the open-data exports. */
@Component
public class EditionRows {

    private final EditionQueries queries;

    EditionRows(EditionQueries queries) {
        this.queries = queries;
    }

    public void each(Consumer<EditionSummary> consumer) {
        for (int page = 0; ; page++) {
            Page<EditionSummary> editions = queries.list(page, Paging.MAX_SIZE);
            editions.items().forEach(consumer);
            if ((long) (page + 1) * Paging.MAX_SIZE >= editions.total()) {
                return;
            }
        }
    }
}
