package ro.cluj.crt.query.lesson;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.commitment.CommitmentTimelineProjection;
import ro.cluj.crt.query.config.ProjectionPositions;

/**
 * Reads of the process view (lessons and sessions). They join organisation names, measures and consent from the
 * catalogue and commitment titles from the dashboard, so a read that asks for {@code minPosition} first waits for
 * those views too, and answers with the lowest position of the three, in one snapshot with the read.
 */
@Component
public class ProcessReads {

    private static final List<String> VIEWS = List.of(LessonProjection.PROCESSING_GROUP,
            CatalogueProjection.PROCESSING_GROUP, CommitmentTimelineProjection.PROCESSING_GROUP);

    private final ProjectionPositions positions;

    public ProcessReads(ProjectionPositions positions) {
        this.positions = positions;
    }

    public <T> ProjectionPositions.Positioned<T> read(Long minPosition, Supplier<T> query) {
        return positions.read(VIEWS, minPosition, query);
    }
}
