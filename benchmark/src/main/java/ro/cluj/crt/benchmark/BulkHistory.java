package ro.cluj.crt.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ro.cluj.crt.events.audit.ChainHash;
import ro.cluj.crt.events.audit.StoredEvent;

/**
 * Grows a store that the command service has recorded a short history into to millions of events, in bulk with
 * {@code COPY}, shaped like years of monitoring: organisations, interviews with them, and commitments followed by
 * progress reports, reviews and missed milestones over long lives (a few over hundreds of events), their events
 * interleaved in time as they would be. Every new event copies the stored bytes of a recorded event of its type, with
 * new ids: its own event id, its aggregate's id, and in the payload every UUID replaced (the aggregate's own id by the
 * new one, an organisation's by the organisation the new aggregate belongs to, any other by a fresh one), so the
 * payload stays the same length. Time stamps run from five years ago to a minute ago, in global index order.
 *
 * <p>The events are sealed into the hash chain as they are copied, link after link with {@link ChainHash} after the
 * chain's head, exactly as the sealer would have sealed them, so the service starts on a store whose chain is whole.
 * The two unique indexes on random UUIDs are dropped while copying and built again after (with the same names and
 * definitions, checked), the late-append trigger is off meanwhile (the events are stamped in the past), then the
 * tables are vacuumed and analysed and a checkpoint is taken: what a store that grew over years looks like.
 */
final class BulkHistory {

    static final String ORGANISATION = "ro.cluj.crt.events.organisation.OrganisationRegistered";
    static final String INTERVIEW = "ro.cluj.crt.events.interview.InterviewRecorded";
    static final String MADE = "ro.cluj.crt.events.commitment.CommitmentMade";
    static final String REPORTED = "ro.cluj.crt.events.commitment.ProgressReported";
    static final String REVIEWED = "ro.cluj.crt.events.commitment.CommitmentReviewed";
    static final String MISSED = "ro.cluj.crt.events.commitment.MilestoneMissed";
    static final String FULFILLED = "ro.cluj.crt.events.commitment.CommitmentFulfilled";
    private static final List<String> TYPES = List.of(ORGANISATION, INTERVIEW, MADE, REPORTED, REVIEWED, MISSED,
            FULFILLED);
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String EVENT_COLUMNS = "global_index, event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data";
    private static final String LINK_COLUMNS = "link_number, global_index, aggregate_identifier, sequence_number, "
            + "previous_hash, hash, sealed_at";
    private static final int ROWS_PER_COPY = 500_000;
    private static final Duration HISTORY = Duration.ofDays(5 * 365);
    private static final String TABLE = BenchDatabase.EVENT_TABLE;
    private static final String CHAIN = "event_store.event_chain";
    private static final String TRIGGER = "domain_event_entry_commits_in_time";
    /** The unique indexes on random UUIDs, dropped while copying: name and columns. */
    private static final Map<String, String> UUID_INDEXES = new LinkedHashMap<>(Map.of(
            "domain_event_entry_aggregate_sequence_uk", "aggregate_identifier, sequence_number",
            "domain_event_entry_event_identifier_uk", "event_identifier"));

    private final String url;
    private final Consumer<String> progress;
    private final SplittableRandom random = new SplittableRandom(8);

    BulkHistory(String url, Consumer<String> progress) {
        this.url = url;
        this.progress = progress;
    }

    /**
     * What was seeded: the events and the store's total, the id and length of the commitment followed for years, and
     * how long copying, building the indexes and vacuuming took.
     */
    record Result(long seeded, long total, Map<String, Long> mix, String longLived, int longLivedEvents,
                  Duration copying, Duration indexing, Duration vacuuming, double tableGiB, double indexGiB) {
    }

    /** A recorded event to copy, with where its UUIDs stand and what each one is. */
    private record Template(String type, String payloadType, String revision, byte[] payload, byte[] metaData,
                            int[] offsets, int[] values, int[] roles, int distinct) {
    }

    private static final int SELF = 0;
    private static final int ORGANISATION_ROLE = 1;
    private static final int OTHER = 2;

    /** A commitment still being followed: its id, its lead and the events still to come. */
    private static final class Open {
        final String id;
        final String lead;
        long next = 1;
        int left;

        Open(String id, String lead, int left) {
            this.id = id;
            this.lead = lead;
            this.left = left;
        }
    }

    Result seed(long target, int longLivedEvents) throws Exception {
        try (Connection sql = DriverManager.getConnection(url, BenchDatabase.USER, "");
             Connection links = DriverManager.getConnection(url, BenchDatabase.USER, "")) {
            long recorded = single(sql, "SELECT count(*) FROM " + TABLE);
            if (single(sql, "SELECT count(*) FROM " + CHAIN) != recorded) {
                throw new IllegalStateException("the recorded history is not sealed yet");
            }
            Map<String, Template> templates = templates(sql);
            List<String> organisations = strings(sql, "SELECT aggregate_identifier FROM " + TABLE
                    + " WHERE payload_type = '" + ORGANISATION + "'");
            List<String> indexesBefore = indexDefinitions(sql);
            long seeded = Math.max(0, target - recorded);
            long began = System.nanoTime();
            try (Statement statement = sql.createStatement()) {
                for (String index : UUID_INDEXES.keySet()) {
                    statement.execute("ALTER TABLE " + TABLE + " DROP CONSTRAINT " + index);
                }
                // the copies are stamped in the past, older than an append may commit after; nothing follows this
                // store while it is seeded
                statement.execute("ALTER TABLE " + TABLE + " DISABLE TRIGGER " + TRIGGER);
            }
            Generator generator = new Generator(sql, templates, organisations, seeded, longLivedEvents);
            generator.run(sql, links);
            Duration copying = Duration.ofNanos(System.nanoTime() - began);
            began = System.nanoTime();
            buildIndexes();
            Duration indexing = Duration.ofNanos(System.nanoTime() - began);
            try (Statement statement = sql.createStatement()) {
                statement.execute("ALTER TABLE " + TABLE + " ENABLE TRIGGER " + TRIGGER);
                statement.execute("SELECT setval('event_store.domain_event_entry_global_index_seq', "
                        + "(SELECT max(global_index) FROM " + TABLE + "))");
            }
            List<String> indexesAfter = indexDefinitions(sql);
            if (!indexesBefore.equals(indexesAfter)) {
                throw new IllegalStateException("the event table's indexes differ after seeding: " + indexesBefore
                        + " vs " + indexesAfter);
            }
            began = System.nanoTime();
            try (Statement statement = sql.createStatement()) {
                progress.accept("vacuuming and analysing the event table and the chain");
                statement.execute("VACUUM ANALYZE " + TABLE);
                statement.execute("VACUUM ANALYZE " + CHAIN);
                statement.execute("CHECKPOINT");
            }
            Duration vacuuming = Duration.ofNanos(System.nanoTime() - began);
            long total = single(sql, "SELECT count(*) FROM " + TABLE);
            if (single(sql, "SELECT count(*) FROM " + CHAIN) != total) {
                throw new IllegalStateException("the chain does not link every seeded event");
            }
            double gib = 1024.0 * 1024 * 1024;
            return new Result(seeded, total, generator.mix, generator.longLived.id, longLivedEvents, copying,
                    indexing, vacuuming, single(sql, "SELECT pg_table_size('" + TABLE + "')") / gib,
                    single(sql, "SELECT pg_indexes_size('" + TABLE + "')") / gib);
        }
    }

    /** Builds the dropped unique indexes again, both at once, each on its own connection. */
    private void buildIndexes() throws Exception {
        try (ExecutorService builders = Executors.newFixedThreadPool(UUID_INDEXES.size())) {
            List<Future<?>> built = new ArrayList<>();
            for (Map.Entry<String, String> index : UUID_INDEXES.entrySet()) {
                built.add(builders.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(url, BenchDatabase.USER, "");
                         Statement statement = connection.createStatement()) {
                        // a setting of this session only: how much memory the sort may use
                        statement.execute("SET maintenance_work_mem = '512MB'");
                        statement.execute("CREATE UNIQUE INDEX " + index.getKey() + " ON " + TABLE + " ("
                                + index.getValue() + ")");
                    }
                    progress.accept("built index " + index.getKey());
                    return null;
                }));
            }
            for (Future<?> future : built) {
                future.get();
            }
        }
        try (Connection connection = DriverManager.getConnection(url, BenchDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            for (String index : UUID_INDEXES.keySet()) {
                statement.execute("ALTER TABLE " + TABLE + " ADD CONSTRAINT " + index + " UNIQUE USING INDEX "
                        + index);
            }
        }
    }

    /** Writes the events and their links, {@value #ROWS_PER_COPY} a transaction. */
    private final class Generator {

        private final Map<String, Template> templates;
        private final List<String> organisations;
        private final List<Open> open = new ArrayList<>();
        private final long count;
        private final long firstIndex;
        private final Instant from;
        private final long spanMicros;
        private final Open longLived;
        private final long longLivedEvery;
        final Map<String, Long> mix = new LinkedHashMap<>();
        private long link;
        private byte[] hash;
        private long written;

        Generator(Connection sql, Map<String, Template> templates, List<String> organisations, long count,
                  int longLivedEvents) throws SQLException {
            this.templates = templates;
            this.organisations = new ArrayList<>(organisations);
            this.count = count;
            this.firstIndex = single(sql, "SELECT max(global_index) FROM " + TABLE) + 1;
            Instant now = Instant.now().minusSeconds(60);
            this.from = now.minus(HISTORY);
            this.spanMicros = HISTORY.toNanos() / 1000;
            this.longLived = new Open(uuid(), organisations.getFirst(), longLivedEvents - 1);
            this.longLived.next = 0;
            this.longLivedEvery = Math.max(1, count / longLivedEvents);
            try (PreparedStatement head = sql.prepareStatement("SELECT link_number, hash FROM " + CHAIN
                    + " ORDER BY link_number DESC LIMIT 1"); ResultSet row = head.executeQuery()) {
                if (row.next()) {
                    link = row.getLong(1);
                    hash = row.getBytes(2);
                } else {
                    link = 0;
                    hash = ChainHash.GENESIS;
                }
            }
        }

        void run(Connection sql, Connection links) throws Exception {
            sql.setAutoCommit(false);
            links.setAutoCommit(false);
            long began = System.nanoTime();
            while (written < count) {
                long rows = Math.min(ROWS_PER_COPY, count - written);
                try (BinaryCopy events = new BinaryCopy(sql, TABLE, EVENT_COLUMNS);
                     BinaryCopy chain = new BinaryCopy(links, CHAIN, LINK_COLUMNS)) {
                    for (long i = 0; i < rows; i++) {
                        next(events, chain);
                    }
                    events.end();
                    chain.end();
                }
                sql.commit();
                links.commit();
                double seconds = (System.nanoTime() - began) / 1e9;
                progress.accept(String.format(Locale.ROOT, "copied %,d of %,d events with their links "
                        + "(%,.0f events/s)", written, count, written / seconds));
            }
            sql.setAutoCommit(true);
            links.setAutoCommit(true);
        }

        /** One event: the long-lived commitment's turn, or a draw of what happens next in the city. */
        private void next(BinaryCopy events, BinaryCopy chain) throws IOException {
            if (written % longLivedEvery == 0 && longLived.left > 0 && longLived.next > 0) {
                followUp(events, chain, longLived);
                return;
            }
            if (longLived.next == 0) {
                write(events, chain, MADE, longLived.id, 0, longLived.lead);
                longLived.next = 1;
                return;
            }
            int draw = random.nextInt(100);
            if (organisations.size() < 20 || draw < 1) {
                String id = uuid();
                write(events, chain, ORGANISATION, id, 0, id);
                organisations.add(id);
            } else if (draw < 30) {
                write(events, chain, INTERVIEW, uuid(), 0, anyOrganisation());
            } else if (draw < 33 || open.isEmpty()) {
                // most commitments are followed for a year or two; one in two hundred for many years
                int life = random.nextInt(200) == 0 ? 300 + random.nextInt(700)
                        : 5 + (int) (-Math.log(1 - random.nextDouble()) * 20);
                Open made = new Open(uuid(), anyOrganisation(), life);
                write(events, chain, MADE, made.id, 0, made.lead);
                open.add(made);
            } else {
                int at = random.nextInt(open.size());
                Open commitment = open.get(at);
                followUp(events, chain, commitment);
                if (commitment.left <= 0) {
                    open.set(at, open.getLast());
                    open.removeLast();
                }
            }
        }

        private void followUp(BinaryCopy events, BinaryCopy chain, Open commitment) throws IOException {
            commitment.left--;
            int draw = random.nextInt(100);
            String type = commitment != longLived && commitment.left == 0 && draw < 30 ? FULFILLED
                    : draw < 3 ? MISSED : draw < 25 ? REVIEWED : REPORTED;
            write(events, chain, type, commitment.id, commitment.next++, commitment.lead);
        }

        private String anyOrganisation() {
            return organisations.get(random.nextInt(organisations.size()));
        }

        private void write(BinaryCopy events, BinaryCopy chain, String payloadType, String aggregateId,
                           long sequence, String organisation) throws IOException {
            Template template = templates.get(payloadType);
            long index = firstIndex + written;
            Instant at = from.plusNanos((long) (spanMicros * ((double) written / count)) * 1000);
            StoredEvent event = new StoredEvent(index, aggregateId, sequence, uuid(), template.type(), at.toString(),
                    payloadType, template.revision(), payload(template, aggregateId, organisation),
                    template.metaData());
            events.row(10);
            events.bigint(index);
            events.text(event.eventIdentifier());
            events.text(aggregateId);
            events.bigint(sequence);
            events.text(event.type());
            events.text(event.timeStamp());
            events.text(payloadType);
            events.text(event.payloadRevision());
            events.bytes(event.payload());
            events.bytes(event.metaData());
            byte[] previous = hash;
            link++;
            hash = ChainHash.of(previous, link, event);
            chain.row(7);
            chain.bigint(link);
            chain.bigint(index);
            chain.text(aggregateId);
            chain.bigint(sequence);
            chain.bytes(previous);
            chain.bytes(hash);
            chain.timestamp(at);
            written++;
            mix.merge(payloadType.substring(payloadType.lastIndexOf('.') + 1), 1L, Long::sum);
        }

        /** The template's payload with its UUIDs replaced; the first organisation it names becomes the given one. */
        private byte[] payload(Template template, String self, String organisation) {
            byte[] payload = template.payload().clone();
            byte[][] values = new byte[template.distinct()][];
            boolean leadGiven = false;
            for (int i = 0; i < template.offsets().length; i++) {
                int value = template.values()[i];
                if (values[value] == null) {
                    String replacement = switch (template.roles()[value]) {
                        case SELF -> self;
                        case ORGANISATION_ROLE -> leadGiven ? anyOrganisation() : organisation;
                        default -> uuid();
                    };
                    leadGiven |= template.roles()[value] == ORGANISATION_ROLE;
                    values[value] = replacement.getBytes(StandardCharsets.US_ASCII);
                }
                System.arraycopy(values[value], 0, payload, template.offsets()[i], values[value].length);
            }
            return payload;
        }

        private String uuid() {
            long high = random.nextLong() & ~0xF000L | 0x4000L;
            long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
            return new UUID(high, low).toString();
        }
    }

    /** The latest recorded event of each type that the history is made of. */
    private static Map<String, Template> templates(Connection sql) throws SQLException {
        Set<String> organisations = new HashSet<>(strings(sql, "SELECT aggregate_identifier FROM " + TABLE
                + " WHERE payload_type = '" + ORGANISATION + "'"));
        Map<String, Template> templates = new LinkedHashMap<>();
        for (String payloadType : TYPES) {
            try (PreparedStatement query = sql.prepareStatement("SELECT type, payload_revision, payload, meta_data, "
                    + "aggregate_identifier FROM " + TABLE + " WHERE payload_type = ? ORDER BY global_index DESC "
                    + "LIMIT 1")) {
                query.setString(1, payloadType);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the recorded history has no " + payloadType);
                    }
                    templates.put(payloadType, template(row.getString(1), payloadType, row.getString(2),
                            row.getBytes(3), row.getBytes(4), row.getString(5), organisations));
                }
            }
        }
        return templates;
    }

    private static Template template(String type, String payloadType, String revision, byte[] payload,
                                     byte[] metaData, String self, Set<String> organisations) {
        // one character per byte, so that offsets in the text are offsets in the payload; UUIDs are ASCII
        String text = new String(payload, StandardCharsets.ISO_8859_1);
        Matcher found = UUID_TEXT.matcher(text);
        List<Integer> offsets = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        List<String> distinct = new ArrayList<>();
        while (found.find()) {
            int value = distinct.indexOf(found.group());
            if (value < 0) {
                value = distinct.size();
                distinct.add(found.group());
            }
            offsets.add(found.start());
            values.add(value);
        }
        int[] roles = distinct.stream().mapToInt(uuid -> uuid.equals(self) ? SELF
                : organisations.contains(uuid) ? ORGANISATION_ROLE : OTHER).toArray();
        return new Template(type, payloadType, revision, payload, metaData,
                offsets.stream().mapToInt(Integer::intValue).toArray(),
                values.stream().mapToInt(Integer::intValue).toArray(), roles, distinct.size());
    }

    private static List<String> indexDefinitions(Connection sql) throws SQLException {
        List<String> definitions = strings(sql, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'event_store' "
                + "AND tablename = 'domain_event_entry' ORDER BY indexname");
        definitions.addAll(strings(sql, "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE conrelid = '" + TABLE + "'::regclass ORDER BY conname"));
        return definitions;
    }

    private static List<String> strings(Connection sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long single(Connection sql, String query) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
