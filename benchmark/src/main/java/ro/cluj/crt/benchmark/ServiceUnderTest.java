package ro.cluj.crt.benchmark;

import java.security.SecureRandom;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ro.cluj.crt.command.CommandServiceApplication;
import ro.cluj.crt.personal.MasterKey;

/**
 * The command service, started in this JVM as it ships (its own configuration, the {@code local} profile for the
 * demo accounts) on a free port against the run's database. Only addresses, the token secret and logging are set.
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
        String[] overrides = {
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + BenchDatabase.USER,
            "--crt.security.token-secret=" + randomSecret(),
            "--crt.personal-data.master-key=" + MasterKey.generate(),
            "--server.port=0",
            "--logging.structured.format.console=",
            "--logging.level.root=WARN",
            "--spring.main.banner-mode=off",
        };
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties(Map.of("spring.config.name", CommandServiceApplication.CONFIG_NAME,
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

    private static String randomSecret() {
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            secret.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
        }
        return secret.toString();
    }
}
