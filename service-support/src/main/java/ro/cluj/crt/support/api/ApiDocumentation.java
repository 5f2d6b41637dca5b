package ro.cluj.crt.support.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import ro.cluj.crt.support.security.AccessRule;
import ro.cluj.crt.support.security.AccessTable;
import ro.cluj.crt.support.security.ServiceSecurity;

/**
 * The OpenAPI document of a service (springdoc builds it from the controllers): operations tagged by feature, the
 * bearer token scheme, what each operation needs read from the same {@link AccessTable} the filter chain applies,
 * and the problem documents (RFC 9457) each kind of operation may answer, with examples.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    /** The 429 answer of rate-limited public operations, for their {@code @ApiResponse(ref = ...)}. */
    public static final String TOO_MANY_REQUESTS = "#/components/responses/TooManyRequests";
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    @Bean
    OpenAPI serviceApi(ApiDescription description) {
        return new OpenAPI()
                .info(new Info().title(description.title()).version("1").description(description.summary()))
                // relative, so that the document is the same wherever the service runs and Swagger UI calls it back
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token from `POST " + ServiceSecurity.LOGIN_PATH
                                        + "` on the command service; valid on both services."))
                        .addSchemas(PROBLEM, problemSchema())
                        .responses(problemResponses(description)));
    }

    @Bean
    RequestBodies requestBodies(ObjectMapperProvider mappers) {
        return new RequestBodies(mappers);
    }

    @Bean
    SamplePaths samplePaths() {
        return new SamplePaths();
    }

    /**
     * Tags each operation with its feature (the controller's package), names it after its controller, and describes
     * its body as the record named by {@link ReadsBody}.
     */
    @Bean
    OperationCustomizer featureTagsAndBodies(RequestBodies bodies, SamplePaths samples) {
        return (operation, handler) -> {
            String packageName = handler.getBeanType().getPackageName();
            String feature = packageName.substring(packageName.lastIndexOf('.') + 1);
            String controller = handler.getBeanType().getSimpleName().replace("Controller", "");
            ReadsBody body = handler.getMethodAnnotation(ReadsBody.class);
            if (body != null && operation.getRequestBody() != null) {
                operation.getRequestBody().setContent(new Content().addMediaType("application/json",
                        new MediaType().schema(bodies.schemaOf(body.value()))));
            }
            String operationId = StringUtils.uncapitalize(controller)
                    + StringUtils.capitalize(handler.getMethod().getName());
            samples.record(operationId, handler);
            return operation.tags(List.of(feature)).operationId(operationId);
        };
    }

    /**
     * Access and error responses of every operation, from the access table and the kind of operation; the request
     * records' schemas.
     */
    @Bean
    OpenApiCustomizer accessAndProblems(AccessTable access, ApiDescription description, RequestBodies bodies,
                                        SamplePaths samples) {
        return api -> {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(access, description, samples.of(operation.getOperationId(), path), path, method,
                            operation)));
            bodies.schemas().forEach(api.getComponents()::addSchemas);
            api.getComponents().getSchemas().remove("JsonNode");
        };
    }

    /**
     * The schemas of the request records, named after their enclosing type too ({@code CommitmentRequests.Revision},
     * {@code LessonRequests.Revision}), as records of different features share simple names.
     */
    static final class RequestBodies {

        private final ModelConverters converters = new ModelConverters();

        @SuppressWarnings("rawtypes") // as swagger-core keeps them
        private final Map<String, Schema> schemas = new ConcurrentSkipListMap<>();

        RequestBodies(ObjectMapperProvider mappers) {
            converters.addConverter(new ModelResolver(mappers.jsonMapper(), new NestedTypeNames()));
        }

        Schema<?> schemaOf(Class<?> type) {
            ResolvedSchema resolved = converters.readAllAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
            schemas.putAll(resolved.referencedSchemas);
            return resolved.schema;
        }

        @SuppressWarnings("rawtypes")
        Map<String, Schema> schemas() {
            return schemas;
        }
    }

    /**
     * A concrete path for each operation, to look its rule up in the access table: a path variable restricted to
     * listed values ({@code {list:organisations|lessons}}) takes the first, any other becomes {@code x}. The
     * document's own paths lose those restrictions ({@code /api/{list}.csv}).
     */
    static final class SamplePaths {

        private static final Pattern LISTED = Pattern.compile("\\{\\w+:([\\w.-]+)(\\|[\\w.-]+)*}");
        private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

        private final Map<String, String> samples = new ConcurrentHashMap<>();

        void record(String operationId, HandlerMethod handler) {
            RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                    RequestMapping.class);
            RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(),
                    RequestMapping.class);
            String prefix = type == null || type.path().length == 0 ? "" : type.path()[0];
            String path = prefix + (method == null || method.path().length == 0 ? "" : method.path()[0]);
            samples.put(operationId, sample(path));
        }

        String of(String operationId, String documentedPath) {
            return samples.getOrDefault(operationId, sample(documentedPath));
        }

        static String sample(String path) {
            String listed = LISTED.matcher(path).replaceAll("$1");
            return VARIABLE.matcher(listed).replaceAll("x");
        }
    }

    /** {@code CommitmentRequests.Making} rather than {@code Making}. */
    static final class NestedTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            Class<?> enclosing = type.getEnclosingClass();
            return enclosing == null ? super.getNameOfClass(type)
                    : getNameOfClass(enclosing) + "." + super.getNameOfClass(type);
        }
    }

    private static void describe(AccessTable access, ApiDescription description, String samplePath, String path,
                                 PathItem.HttpMethod method, Operation operation) {
        AccessRule rule = access.ruleFor(HttpMethod.valueOf(method.name()), samplePath)
                .orElseThrow(() -> new IllegalStateException("no access rule covers " + method + " " + path));
        String existing = operation.getDescription();
        operation.setDescription((existing == null ? "" : existing + "\n\n") + "**Access:** " + rule.describe());
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        add(responses, "400", "BadRequest");
        if (rule.access() != AccessRule.Access.ANYONE) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            add(responses, "401", "Unauthorized");
        }
        if (rule.access() == AccessRule.Access.ROLES) {
            add(responses, "403", "Forbidden");
        }
        if (path.contains("{")) {
            add(responses, "404", "NotFound");
        }
        if (WRITES.contains(method.name())) {
            add(responses, "409", "Conflict");
            add(responses, "413", "PayloadTooLarge");
            if (description.checksDomainRules() && operation.getRequestBody() != null) {
                add(responses, "422", "RuleViolation");
            }
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "minPosition".equals(p.getName()))) {
            add(responses, "503", "ProjectionBehind");
        }
        operation.setResponses(responses);
    }

    private static void add(ApiResponses responses, String status, String name) {
        responses.putIfAbsent(status, new ApiResponse().$ref("#/components/responses/" + name));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("where in the request: a body path such as "
                + "`measures[0].startDate`, a parameter or a header"));
        error.addProperty("message", new StringSchema().description("what is wrong with it"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("A problem document (RFC 9457). Never a stack trace, SQL or class name.");
        problem.addProperty("type", new StringSchema().description("stable per kind of problem, under `/problems/`")
                .example("/problems/invalid-request"));
        problem.addProperty("title", new StringSchema().description("the HTTP status's phrase"));
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("what went wrong, for a person"));
        problem.addProperty("instance", new StringSchema().description("the request's path"));
        problem.addProperty("correlationId", new StringSchema()
                .description("the request's `X-Correlation-Id`, in every log line of the request"));
        problem.addProperty("errors", new ArraySchema().items(error)
                .description("400: every bad field of the request"));
        problem.addProperty("currentVersion", new IntegerSchema().format("int64")
                .description("409 `stale-version`: the version the resource is at"));
        problem.addProperty("state", new StringSchema().description("409 `conflict`: the state that forbids it"));
        problem.addProperty("rule", new StringSchema().description("422: the domain rule broken"));
        problem.addProperty("field", new StringSchema().description("422: the field that breaks it"));
        problem.addProperty("minPosition", new IntegerSchema().format("int64")
                .description("503: the position asked for"));
        problem.addProperty("retryAfterSeconds", new IntegerSchema().format("int64")
                .description("429: when to try again, as in `Retry-After`"));
        problem.addProperty("limitBytes", new IntegerSchema().format("int64").description("413: the body limit"));
        return problem;
    }

    private static Map<String, ApiResponse> problemResponses(ApiDescription description) {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put("BadRequest", problem("The request itself is wrong; every bad field is named.",
                example(400, "Bad Request", "invalid-request", "the request has 2 bad field(s)", Map.of("errors",
                        List.of(Map.of("field", "name", "message", "must not be blank"),
                                Map.of("field", "measures[0].startDate", "message", "is not a date (yyyy-mm-dd)"))))));
        responses.put("Unauthorized", problem("No valid access token was sent.",
                example(401, "Unauthorized", "unauthenticated", "login required", Map.of())));
        responses.put("Forbidden", problem("The token's roles do not allow this operation.",
                example(403, "Forbidden", "forbidden", "your roles do not allow this", Map.of())));
        responses.put("NotFound", problem("The resource named in the path does not exist.",
                example(404, "Not Found", "not-found", "no such resource", Map.of())));
        responses.put("Conflict", problem("Conflicts with the current state: a stale `If-Match`, a closed or "
                + "retracted resource, a create reusing an id with other content.",
                example(409, "Conflict", "stale-version",
                        "the resource is at version 3, not at the version given in If-Match",
                        Map.of("currentVersion", 3))));
        responses.put("PayloadTooLarge", problem("The body is over the request limit (1 MB unless configured).",
                example(413, "Payload Too Large", "payload-too-large",
                        "the request body is over the limit of 1048576 bytes", Map.of("limitBytes", 1048576))));
        if (description.checksDomainRules()) {
            responses.put("RuleViolation", problem("Well-formed, but breaks a domain rule, such as naming an "
                    + "organisation that does not exist.",
                    example(422, "Unprocessable Entity", "rule-violation", "no organisation is registered with this id",
                            Map.of("rule", "commitment-of-registered-organisations",
                                    "field", "leadOrganisationId"))));
        }
        responses.put("TooManyRequests", problem("Over the rate limit of this public operation; `Retry-After` "
                + "says when to try again.",
                example(429, "Too Many Requests", "rate-limited",
                        "too many recommendations from this client; try again in 12 seconds",
                        Map.of("retryAfterSeconds", 12))));
        responses.put("ProjectionBehind", problem("The view did not reach `minPosition` within 10 seconds; "
                + "`Retry-After` says when to ask again.",
                example(503, "Service Unavailable", "projection-behind",
                        "the view has not reached position 120 yet", Map.of("minPosition", 120))));
        return responses;
    }

    private static ApiResponse problem(String summary, Map<String, Object> example) {
        return new ApiResponse().description(summary).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
    }

    private static Map<String, Object> example(int status, String title, String type, String detail,
                                               Map<String, Object> extra) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "/problems/" + type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", "/api/...");
        example.put("correlationId", "0b6c1f0e-4a55-4f43-9a49-3f9d2c2b7e51");
        example.putAll(extra);
        return example;
    }
}
