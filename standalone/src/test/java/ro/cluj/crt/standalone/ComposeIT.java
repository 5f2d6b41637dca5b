package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} is valid and describes what README says: PostgreSQL and both services built from their
 * executable jars, and the "axonserver" profile that adds Axon Server and switches the services' connector on. It
 * runs the Compose client's own {@code config} check; no Docker engine is needed (none runs on the team's machines).
 */
class ComposeIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, String> REQUIRED = Map.of("CRT_DATABASE_PASSWORD", "compose-check",
            "CRT_TOKEN_SECRET", "compose-check-secret-of-at-least-thirty-two-bytes",
            "CRT_MASTER_KEY", RunningTracker.MASTER_KEY, "CRT_ACCOUNTS_JSON", "{}");

    private static List<String> compose;

    @BeforeAll
    static void findCompose() {
        assumeTrue(runs("docker", "--version"), "the docker command is not installed: docker-compose.yml not checked");
        if (runs("docker", "compose", "version")) {
            compose = List.of("docker", "compose");
        } else if (runs("docker-compose", "version")) {
            compose = List.of("docker-compose");
        }
        assumeTrue(compose != null, "docker is installed without Compose (neither the `docker compose` plugin nor "
                + "`docker-compose`): docker-compose.yml not checked; install one (Debian: apt-get install "
                + "docker-compose; .ci/run does)");
    }

    @Test
    void withoutAProfileTheServicesRunOnPostgresqlAlone() throws Exception {
        Map<String, Object> services = services(config(Map.of()));

        assertThat(services).containsKeys("postgres", "command-service", "query-service");
        for (String service : List.of("command-service", "query-service")) {
            Map<String, Object> build = map(map(services.get(service)).get("build"));
            assertThat(map(build.get("args")).get("SERVICE")).isEqualTo(service);
            assertThat(ROOT.resolve(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get(
                    "dockerfile")))).exists();
            assertThat(ROOT.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar"))
                    .as("the jar the Dockerfile copies").exists();
            Map<String, Object> environment = map(map(services.get(service)).get("environment"));
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("default");
            assertThat(environment.get("CRT_DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/crt");
            assertThat(environment).containsKeys("CRT_TOKEN_SECRET", "CRT_MASTER_KEY");
        }
        assertThat(Files.readString(ROOT.resolve("Dockerfile")))
                .contains("COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar");
        assertThat(map(services.get("axonserver")).get("profiles")).isEqualTo(List.of("axonserver"));
    }

    @Test
    void theAxonServerProfileAddsTheServerAndSwitchesTheServicesToIt() throws Exception {
        Map<String, Object> services = services(config(Map.of("COMPOSE_PROFILES", "axonserver")));

        assertThat(services).containsKeys("postgres", "command-service", "query-service", "axonserver");
        assertThat(String.valueOf(map(services.get("axonserver")).get("image"))).startsWith("axoniq/axonserver:");
        for (String service : List.of("command-service", "query-service")) {
            Map<String, Object> environment = map(map(services.get(service)).get("environment"));
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("axonserver");
            assertThat(environment.get("CRT_AXONSERVER_SERVERS")).isEqualTo("axonserver:8124");
        }
    }

    @Test
    void aMissingSecretIsRefusedByName() throws Exception {
        Result result = run(Map.of("CRT_MASTER_KEY", ""), "config");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("CRT_MASTER_KEY");
    }

    private static String config(Map<String, String> environment) throws Exception {
        Result result = run(environment, "config");
        assertThat(result.exitCode()).as(String.join(" ", compose) + " config: " + result.output()).isZero();
        return result.output();
    }

    private static Result run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("--file", ROOT.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().remove("COMPOSE_PROFILES");
        builder.environment().putAll(REQUIRED);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("compose config finished").isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Map<String, Object> services(String config) {
        // compose prints its warnings before the document; the document starts at its first top-level key
        int start = config.indexOf("\nservices:") + 1;
        Map<String, Object> document = new Yaml().load(config.substring(config.startsWith("services:") ? 0 : start));
        return map(document.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exitCode, String output) {
    }
}
