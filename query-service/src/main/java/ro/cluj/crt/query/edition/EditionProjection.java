package ro.cluj.crt.query.edition;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.edition.EditionPublished;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.config.WriteBehind;
import ro.cluj.crt.query.report.ReportQueries;

/**
 * Freezes each weekly edition when the catalogue processor reaches its event: that processor runs one segment, in
 * the order of the history, so the catalogue then holds exactly what every earlier event made of it. A replay
 * reaches the same event with the same catalogue and writes the same bytes; an edition once written is never
 * updated.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
public class EditionProjection {

    private static final Logger log = LoggerFactory.getLogger(EditionProjection.class);

    private final JdbcTemplate jdbc;
    private final EditionSnapshots snapshots;

    public EditionProjection(JdbcTemplate jdbc, EditionSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** An instance that reads the catalogue and writes editions through {@code jdbc} alone, as a replay needs. */
    public static EditionProjection over(JdbcTemplate jdbc) {
        return new EditionProjection(jdbc, new EditionSnapshots(jdbc, new ReportQueries(jdbc)));
    }

    @EventHandler
    void on(EditionPublished event, TrackingToken token) {
        long position = token.position().orElseThrow();
        // the catalogue's writes of the events before this one may still be held for the batch's commit
        WriteBehind.flushPending();
        EditionSnapshots.Sealed edition = snapshots.take(event, position);
        int written = jdbc.update("""
                INSERT INTO edition (number, edition_id, position, published_on, week_of, title, corrects, sha256,
                                     content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (number) DO NOTHING""",
                event.number(), event.editionId(), position, event.publishedOn(), event.weekOf(), event.title(),
                event.corrects(), edition.sha256(), edition.canonicalJson());
        if (written == 1) {
            log.atInfo().setMessage("edition frozen").addKeyValue("edition", event.number())
                    .addKeyValue("position", position).addKeyValue("sha256", edition.sha256()).log();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM edition");
    }
}
