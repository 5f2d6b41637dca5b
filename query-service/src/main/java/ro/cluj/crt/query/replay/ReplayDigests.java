package ro.cluj.crt.query.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ro.cluj.crt.query.config.ProjectionPositions;

/**
 * Counts and digests a view's tables in the live schema and in a replay's copy, in one repeatable-read snapshot
 * together with both processors' positions, so that rows and positions belong together. A table's digest is the
 * md5 of its rows' text joined in the order of that text: independent of physical order, and any changed value,
 * added or missing row changes it. While the two sides stand at different positions it looks again until the
 * configured wait runs out, then answers what it saw and says so.
 */
@Component
class ReplayDigests {

    private static final Duration POLL = Duration.ofMillis(200);

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;
    private final TransactionTemplate snapshot;
    private final Duration maxWait;

    ReplayDigests(JdbcTemplate jdbc, ProjectionPositions positions, PlatformTransactionManager transactions,
                  @Value("${crt.query.max-wait:10s}") Duration maxWait) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.maxWait = maxWait;
    }

    ReplayComparison compare(String group, List<String> tables, String liveSchema, String copySchema,
                             String copyProcessor) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            ReplayComparison comparison = snapshot.execute(status -> once(group, tables, liveSchema, copySchema,
                    copyProcessor));
            if (comparison.samePosition() || System.nanoTime() > deadline) {
                return comparison;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return comparison;
            }
        }
    }

    private ReplayComparison once(String group, List<String> tables, String liveSchema, String copySchema,
                                  String copyProcessor) {
        long live = positions.position(group);
        long copy = positions.position(copyProcessor);
        List<ReplayComparison.Table> compared = new ArrayList<>();
        for (String table : tables) {
            Map<String, Object> liveDigest = digest(liveSchema, table);
            Map<String, Object> copyDigest = digest(copySchema, table);
            long liveRows = ((Number) liveDigest.get("rows")).longValue();
            long copyRows = ((Number) copyDigest.get("rows")).longValue();
            String liveMd5 = (String) liveDigest.get("md5");
            String copyMd5 = (String) copyDigest.get("md5");
            compared.add(new ReplayComparison.Table(table, liveRows, copyRows, liveMd5, copyMd5,
                    liveRows == copyRows && liveMd5.equals(copyMd5)));
        }
        boolean same = live == copy;
        boolean identical = same && compared.stream().allMatch(ReplayComparison.Table::identical);
        String note = same ? null : "live and copy stood at different positions; compare again when both caught up";
        return new ReplayComparison(group, live, copy, same, identical, compared, note);
    }

    private Map<String, Object> digest(String schema, String table) {
        return jdbc.queryForMap("""
                SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
                FROM %s.%s t""".formatted(schema, table));
    }
}
