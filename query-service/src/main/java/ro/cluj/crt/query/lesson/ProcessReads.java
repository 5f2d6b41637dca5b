package ro.cluj.crt.query.lesson;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.commitment.CommitmentTimelineProjection;
import ro.cluj.crt.query.config.ProjectionPositions;

/**
 * Reads of the process view (lessons and sessions). They join organisation names, measures and consent from the
 * catalogue and commitment titles from the dashboard, so a read that asks for {@code minPosition} first waits for
 * those views too; it answers with the position of the process view.
 */
@Component
public class ProcessReads {

    private final ProjectionPositions positions;

    public ProcessReads(ProjectionPositions positions) {
        this.positions = positions;
    }

    public <T> ProjectionPositions.Positioned<T> read(Long minPosition, Supplier<T> query) {
        if (minPosition != null) {
            positions.read(CatalogueProjection.PROCESSING_GROUP, minPosition, () -> Boolean.TRUE);
            positions.read(CommitmentTimelineProjection.PROCESSING_GROUP, minPosition, () -> Boolean.TRUE);
        }
        return positions.read(LessonProjection.PROCESSING_GROUP, minPosition, query);
    }
}
