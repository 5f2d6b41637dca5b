package ro.cluj.crt.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ro.cluj.crt.command.CommandServiceApplication;
import ro.cluj.crt.query.QueryServiceApplication;

/**
 * The tracker on one machine with nothing to install: an embedded PostgreSQL that keeps its data in a local folder
 * ({@code CRT_DATA_DIR}, default {@code .crt-data}) with the secrets it made itself, and both services in this
 * process, each in its own Spring context on its own port. The query service still follows the event store with
 * its streaming processors and its own tokens, exactly as when the services run apart.
 *
 * <p>With {@code CRT_DATABASE_URL} set, both services use that PostgreSQL instead and no embedded one starts. If the
 * embedded server cannot start, the launcher stops with the reason; it never falls back to another server.
 */
public final class StandaloneTracker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneTracker.class);
    private static final String DATABASE = "crt";

    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext commandService;
    private final ConfigurableApplicationContext queryService;

    private StandaloneTracker(EmbeddedPostgres postgres, ConfigurableApplicationContext commandService,
                              ConfigurableApplicationContext queryService) {
        this.postgres = postgres;
        this.commandService = commandService;
        this.queryService = queryService;
    }

    /** Runs the tracker; with the single argument {@code verify-chain} it verifies the event chain instead. */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && "verify-chain".equals(args[0])) {
            System.exit(VerifyChain.run());
        }
        StandaloneTracker tracker;
        try {
            tracker = start(Settings.fromEnvironment(), args);
        } catch (EmbeddedDatabase.InUse e) {
            System.err.println("The tracker did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(tracker::close, "crt-shutdown"));
    }

    /** Starts the database (unless an external one is configured) and both services. */
    public static StandaloneTracker start(Settings settings, String... args) throws IOException {
        EmbeddedPostgres postgres = null;
        String url = settings.externalDatabaseUrl();
        if (url == null) {
            postgres = EmbeddedDatabase.start(settings.dataDirectory().resolve("postgres"));
            url = EmbeddedDatabase.createIfMissing(postgres, DATABASE);
        } else {
            log.info("using the PostgreSQL named by CRT_DATABASE_URL; no embedded server is started");
        }
        Map<String, Object> shared = new HashMap<>();
        shared.put("spring.datasource.url", url);
        if (postgres != null) {
            shared.put("spring.datasource.username", "postgres");
            shared.put("spring.datasource.password", "");
        }
        shared.put("crt.security.token-secret", settings.tokenSecret() != null ? settings.tokenSecret()
                : Files.readString(LocalSecrets.tokenSecret(settings.dataDirectory())).trim());
        if (!settings.signingKeyConfigured()) {
            shared.put("crt.audit.signing-key-file", LocalSecrets.signingKey(settings.dataDirectory()));
        }
        if (!settings.masterKeyConfigured()) {
            shared.put("crt.personal-data.master-key-file", LocalSecrets.masterKey(settings.dataDirectory()));
        }
        shared.put("spring.profiles.active", "local");
        // the local profile has demo accounts with published passwords: listen on this machine only, unless told
        shared.put("server.address", System.getenv().getOrDefault("CRT_BIND_ADDRESS", "127.0.0.1"));
        ConfigurableApplicationContext commands = run(CommandServiceApplication.class,
                CommandServiceApplication.CONFIG_NAME, shared, settings.commandPort(), args);
        ConfigurableApplicationContext queries = run(QueryServiceApplication.class,
                QueryServiceApplication.CONFIG_NAME, shared, settings.queryPort(), args);
        log.info("the tracker is running: staff API on port {}, read API on port {}, data in {}",
                commands.getEnvironment().getProperty("local.server.port"),
                queries.getEnvironment().getProperty("local.server.port"),
                postgres == null ? "the external database" : settings.dataDirectory().toAbsolutePath());
        return new StandaloneTracker(postgres, commands, queries);
    }

    private static ConfigurableApplicationContext run(Class<?> application, String configName,
                                                      Map<String, Object> shared, Integer port, String... args) {
        Map<String, Object> properties = new HashMap<>(shared);
        if (port != null) {
            properties.put("server.port", port);
        }
        // Given as arguments, these outrank the services' own configuration files, which default them to empty.
        Stream<String> settings = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue());
        return new SpringApplicationBuilder(application)
                .properties(Map.of("spring.config.name", configName))
                .registerShutdownHook(false)
                .run(Stream.concat(settings, Arrays.stream(args)).toArray(String[]::new));
    }

    /** The command service's Spring context, for the system tests that look inside it. */
    ConfigurableApplicationContext commandContext() {
        return commandService;
    }

    /** The query service's Spring context, for the system tests that look inside it. */
    ConfigurableApplicationContext queryContext() {
        return queryService;
    }

    public int commandPort() {
        return Integer.parseInt(commandService.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** The query service's context, for system tests that stop its processors or move their tokens. */
    ConfigurableApplicationContext queryService() {
        return queryService;
    }

    public int queryPort() {
        return Integer.parseInt(queryService.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        queryService.close();
        commandService.close();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("the embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    /**
     * Where and how to run. {@code commandPort} and {@code queryPort} are null for the services' own defaults (8080
     * and 8081, or {@code CRT_COMMAND_PORT} and {@code CRT_QUERY_PORT}); 0 picks free ports.
     */
    public record Settings(Path dataDirectory, String externalDatabaseUrl, String tokenSecret, Integer commandPort,
                           Integer queryPort) {

        static Settings fromEnvironment() {
            return new Settings(Path.of(System.getenv().getOrDefault("CRT_DATA_DIR", ".crt-data")),
                    blankToNull(System.getenv("CRT_DATABASE_URL")), blankToNull(System.getenv("CRT_TOKEN_SECRET")),
                    null, null);
        }

        /** Whether the environment gives the master key; else it is kept in the data folder. */
        boolean masterKeyConfigured() {
            return blankToNull(System.getenv("CRT_MASTER_KEY")) != null
                    || blankToNull(System.getenv("CRT_MASTER_KEY_FILE")) != null;
        }

        /** Whether the environment gives the checkpoint signing key; else it is kept in the data folder. */
        boolean signingKeyConfigured() {
            return blankToNull(System.getenv("CRT_AUDIT_SIGNING_KEY")) != null
                    || blankToNull(System.getenv("CRT_AUDIT_SIGNING_KEY_FILE")) != null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
