package ro.cluj.crt.benchmark;

import java.security.SecureRandom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ro.cluj.crt.command.CommandServiceApplication;
import ro.cluj.crt.personal.MasterKey;

/**
 * A service (the command or the query service), started in this JVM as it ships (its own configuration, the
 * {@code local} profile for the demo accounts) on a free port against the run's database. Only addresses, the
 * secrets and logging are set.
 */
final class ServiceUnderTest implements AutoCloseable {

    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SECRET_LENGTH = 40;

    private final ConfigurableApplicationContext context;

    private ServiceUnderTest(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * The overrides are passed as command-line arguments because default properties rank below the service's own
     * {@code command-service.yml}, which sets the port, the database address and the log format itself.
     */
    static ServiceUnderTest start(String databaseUrl) {
        return start(CommandServiceApplication.class, CommandServiceApplication.CONFIG_NAME, databaseUrl,
                Secrets.generate());
    }

    /** Starts the command service with more settings, such as {@code --crt.audit.sealer-enabled=false}. */
    static ServiceUnderTest startCommands(String databaseUrl, String... settings) {
        return start(CommandServiceApplication.class, CommandServiceApplication.CONFIG_NAME, databaseUrl,
                Secrets.generate(), settings);
    }

    /** Starts a service with the secrets another one of the same run uses, so that tokens work for both. */
    static ServiceUnderTest start(Class<?> application, String configName, String databaseUrl, Secrets secrets,
                                  String... settings) {
        String[] fixed = {
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + BenchDatabase.USER,
            "--crt.security.token-secret=" + secrets.tokenSecret(),
            "--crt.personal-data.master-key=" + secrets.masterKey(),
            "--crt.audit.signing-key-file=" + secrets.signingKeyFile(),
            "--server.port=0",
            "--logging.structured.format.console=",
            "--logging.level.root=WARN",
            "--spring.main.banner-mode=off",
        };
        String[] overrides = Stream.concat(Arrays.stream(fixed),
                Arrays.stream(settings)).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .properties(Map.of("spring.config.name", configName,
                        "spring.profiles.active", "local"))
                .run(overrides);
        return new ServiceUnderTest(context);
    }

    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The token secret, the personal-data master key and the file of the checkpoint signing key (made on the first
     * start) of one run.
     */
    record Secrets(String tokenSecret, String masterKey, Path signingKeyFile) {

        static Secrets generate() {
            try {
                return new Secrets(randomSecret(), MasterKey.generate(),
                        Files.createTempDirectory("crt-bench-").resolve("audit-signing-key"));
            } catch (IOException e) {
                throw new UncheckedIOException("no temporary folder for the signing key", e);
            }
        }
    }

    private static String randomSecret() {
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            secret.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
        }
        return secret.toString();
    }
}
