package ro.cluj.crt.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import ro.cluj.crt.support.audit.ChainVerification;
import ro.cluj.crt.support.audit.ChainVerifier;
import ro.cluj.crt.support.store.EventStoreSchema;

/**
 * {@code verify-chain}: recomputes the event chain straight from the database, without any service running, and
 * prints the verification as JSON. Exit code 0 when the chain is whole, 1 when it is broken, 2 when it could not be
 * checked. The database is {@code CRT_DATABASE_URL} (with {@code CRT_DATABASE_USER} and {@code CRT_DATABASE_PASSWORD}),
 * or else the embedded one in {@code CRT_DATA_DIR}, which is started for the check and stopped again; it must not be in
 * use by a running tracker then (use the audit API's verification instead).
 */
final class VerifyChain {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private VerifyChain() {
    }

    static int run() {
        // standard output carries the verification alone, so that it can be piped into jq: log lines (the embedded
        // database's start and stop) go to standard error
        PrintStream out = System.out;
        System.setOut(System.err);
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        ChainVerifier verifier = new ChainVerifier(EventStoreSchema.DEFAULT_SCHEMA, GRACE);
        String url = System.getenv("CRT_DATABASE_URL");
        try {
            ChainVerification result;
            if (url == null || url.isBlank()) {
                result = verifyEmbedded(verifier);
            } else {
                try (Connection connection = DriverManager.getConnection(url,
                        System.getenv().getOrDefault("CRT_DATABASE_USER", "postgres"),
                        System.getenv().getOrDefault("CRT_DATABASE_PASSWORD", ""))) {
                    result = verifier.verify(connection);
                }
            }
            out.println(json.writeValueAsString(result));
            return result.valid() ? 0 : 1;
        } catch (SQLException | IOException | IllegalStateException e) {
            System.err.println("the chain could not be verified: " + e.getMessage());
            return 2;
        }
    }

    private static ChainVerification verifyEmbedded(ChainVerifier verifier) throws IOException, SQLException {
        Path data = Path.of(System.getenv().getOrDefault("CRT_DATA_DIR", ".crt-data")).resolve("postgres");
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("no embedded database in " + data + "; set CRT_DATABASE_URL");
        }
        if (Files.exists(data.resolve("postmaster.pid"))) {
            throw new IllegalStateException("the embedded database is in use by a running tracker: stop it first, or "
                    + "ask the audit API (GET /api/audit/chain/verification)");
        }
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(data);
             Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "crt"))) {
            return verifier.verify(connection);
        }
    }
}
