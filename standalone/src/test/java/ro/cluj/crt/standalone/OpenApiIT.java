package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The published API descriptions match the code: each service's document equals the copy committed in
 * {@code docs/openapi/}, every request mapping of the tracker's controllers is in it, every operation says who may
 * call it, and Swagger UI is served.
 */
class OpenApiIT {

    static final Path DOCUMENTS = Path.of("..", "docs", "openapi");
    static final String UPDATE = "crt.openapi.update";
    static final String REGENERATE = "mvn -B -pl standalone -am verify -Dit.test=OpenApiIT -Dtest=none "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    @Test
    void eachPublishedDocumentIsTheOneTheCodeDescribes() throws IOException {
        check("command-service", system.client()::getFromCommands);
        check("query-service", system.client()::get);
    }

    @Test
    void everyRequestMappingIsDescribed() {
        assertThat(undescribed(system.tracker.commandContext(), document(system.client()::getFromCommands))).isEmpty();
        assertThat(undescribed(system.tracker.queryContext(), document(system.client()::get))).isEmpty();
    }

    @Test
    void everyOperationSaysWhoMayCallItAndWhatGoesWrong() {
        for (Function<String, TrackerClient.Response> get : List.<Function<String, TrackerClient.Response>>of(
                system.client()::getFromCommands, system.client()::get)) {
            document(get).get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                JsonNode operation = op.getValue();
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                assertThat(operation.get("description").asText()).as(name).contains("**Access:** ");
                assertThat(operation.get("tags")).as(name).hasSize(1);
                assertThat(operation.get("responses").get("400").get("$ref").asText()).as(name)
                        .isEqualTo("#/components/responses/BadRequest");
                boolean open = operation.get("description").asText().contains("**Access:** Public");
                assertThat(operation.has("security")).as(name).isEqualTo(!open);
                assertThat(operation.get("responses").has("401")).as(name).isEqualTo(!open);
            }));
        }
        for (Function<String, TrackerClient.Response> get : List.<Function<String, TrackerClient.Response>>of(
                system.client()::getFromCommands, system.client()::get)) {
            assertThat(get.apply("/v3/api-docs").body()).as("a JSON body described without @ReadsBody")
                    .doesNotContain("#/components/schemas/JsonNode");
        }
        JsonNode commands = document(system.client()::getFromCommands);
        assertThat(commands.at("/paths/~1api~1commitments~1{commitmentId}~1progress/post/description").asText())
                .endsWith("**Access:** Needs the role MONITOR.");
        assertThat(commands.at("/paths/~1api~1recommendations/post/description").asText())
                .endsWith("**Access:** Public: no login needed.");
        assertThat(commands.at("/paths/~1api~1commitments/post/responses").has("201")).isTrue();
        assertThat(commands.at("/paths/~1api~1recommendations/post/responses/429/$ref").asText())
                .isEqualTo("#/components/responses/TooManyRequests");
        assertThat(commands.at("/paths/~1api~1commitments/post/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/CommitmentRequests.Making");
        assertThat(commands.at("/components/responses/BadRequest/content/application~1problem+json/example/errors/0"
                + "/field").asText()).isEqualTo("name");
        JsonNode queries = document(system.client()::get);
        assertThat(queries.at("/paths/~1api~1admin~1replays~1{group}/post/description").asText())
                .endsWith("**Access:** Needs one of the roles AUDITOR, ADMIN.");
        assertThat(queries.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(queries.at("/paths/~1api~1{list}.csv/get/description").asText())
                .endsWith("**Access:** Public: no login needed.");
    }

    @Test
    void swaggerUiIsServedByBothServices() {
        for (Function<String, TrackerClient.Response> get : List.<Function<String, TrackerClient.Response>>of(
                system.client()::getFromCommands, system.client()::get)) {
            TrackerClient.Response page = get.apply("/swagger-ui/index.html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Swagger UI");
            assertThat(page.header("Content-Security-Policy")).as("its scripts may run, from this origin only")
                    .contains("script-src 'self'").doesNotContain("unsafe-eval", "*");
            assertThat(get.apply("/swagger-ui/swagger-initializer.js").body()).contains("/v3/api-docs");
        }
    }

    private static void check(String service, Function<String, TrackerClient.Response> get) throws IOException {
        String generated = JSON.writeValueAsString(document(get)) + "\n";
        Path committed = DOCUMENTS.resolve(service + ".json");
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(DOCUMENTS);
            Files.writeString(committed, generated);
        }
        assertThat(Files.exists(committed)).as("missing " + committed + "; create it with: " + REGENERATE).isTrue();
        assertThat(generated).as("the OpenAPI document of the " + service + " differs from docs/openapi/" + service
                + ".json. If the change to the API is intended, regenerate the committed copy with: " + REGENERATE
                + " and commit it").isEqualTo(Files.readString(committed));
    }

    private static JsonNode document(Function<String, TrackerClient.Response> get) {
        TrackerClient.Response response = get.apply("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Every method and path of the tracker's own API ({@code /api/...}, not the web pages) the document lacks. */
    private static List<String> undescribed(ApplicationContext context, JsonNode document) {
        Map<RequestMappingInfo, HandlerMethod> mappings = context
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods();
        List<String> missing = new ArrayList<>();
        int seen = 0;
        for (var mapping : mappings.entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("ro.cluj.crt")
                    || mapping.getKey().getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"))) {
                continue;
            }
            assertThat(mapping.getKey().getMethodsCondition().getMethods()).as(mapping.getKey().toString())
                    .isNotEmpty();
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                // the document names a variable without the values it is restricted to
                String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    seen++;
                    if (!document.path("paths").path(path).has(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(seen).isGreaterThan(10);
        return missing;
    }
}
