package ro.cluj.crt.query.report;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ro.cluj.crt.events.api.ReportView;
import ro.cluj.crt.query.catalogue.CatalogueProjection;
import ro.cluj.crt.query.config.StoredEvents;

/**
 * The report as of a past position, computed from the events: in one transaction, empty temporary copies of the
 * catalogue tables take the place of the live ones, a fresh {@link CatalogueProjection} applies the catalogue's
 * events up to the position through Axon's own handler invocation, the same {@link ReportQueries} read the copies,
 * and everything is rolled back. The live view is never read nor written, and the same code that made the report
 * then makes it now.
 */
@Component
class ReportReplay {

    private static final List<String> CATALOGUE_TABLES = List.of("organisation", "contact_person", "person_record",
            "interview", "measure", "support_need", "support_offer");

    private final JdbcTemplate jdbc;
    private final StoredEvents events;
    private final ReportQueries queries;
    private final TransactionTemplate transaction;
    private final String schema;
    private final Set<String> payloadTypes;

    ReportReplay(JdbcTemplate jdbc, StoredEvents events, ReportQueries queries,
                 PlatformTransactionManager transactions, @Value("${crt.query.schema}") String schema) {
        this.jdbc = jdbc;
        this.events = events;
        this.queries = queries;
        this.schema = schema;
        this.transaction = new TransactionTemplate(transactions);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.payloadTypes = AnnotatedHandlerInspector.inspectType(CatalogueProjection.class).getAllHandlers()
                .values().stream().flatMap(Set::stream)
                .filter(handler -> handler.canHandleMessageType(EventMessage.class))
                .map(MessageHandlingMember::payloadType).map(Class::getName).collect(Collectors.toSet());
    }

    /** What the report shows after the events up to the position {@code position.resolve} picks in the snapshot. */
    Replayed report(PositionChoice position, boolean everything) {
        return transaction.execute(status -> {
            // PostgreSQL refuses CREATE TABLE, even a temporary one, in a read-only transaction: this one is rolled
            // back instead, and its search path reaches nothing but its own temporary tables.
            status.setRollbackOnly();
            long at = position.resolve(events);
            for (String table : CATALOGUE_TABLES) {
                jdbc.execute("CREATE TEMPORARY TABLE " + table + " (LIKE " + schema + "." + table
                        + " INCLUDING ALL) ON COMMIT DROP");
            }
            jdbc.execute("SET LOCAL search_path TO pg_temp");
            AnnotationEventHandlerAdapter catalogue = new AnnotationEventHandlerAdapter(new CatalogueProjection(jdbc));
            events.forEach(payloadTypes, at, message -> {
                try {
                    catalogue.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException("event " + message.getIdentifier() + " could not be replayed", e);
                }
            });
            return new Replayed(at, queries.report(everything));
        });
    }

    /** Picks the position inside the replay's snapshot, so that the head it checks is the one it reads. */
    @FunctionalInterface
    interface PositionChoice {
        long resolve(StoredEvents events);
    }

    /** A report and the position it was computed at. */
    record Replayed(long position, ReportView report) {
    }
}
