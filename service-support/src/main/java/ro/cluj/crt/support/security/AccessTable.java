package ro.cluj.crt.support.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * A service's access table: the rules both services share (health summary, API description and Swagger UI open to
 * anyone, every other actuator endpoint for admins) followed by the service's own, in order, first match wins. A
 * request that no rule covers is refused.
 */
public record AccessTable(List<AccessRule> rules) {

    /** The paths of the API description and of Swagger UI. */
    public static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
        "/swagger-ui/**"};

    public AccessTable {
        rules = List.copyOf(rules);
    }

    /** The shared rules, then these. */
    public static AccessTable of(AccessRule... serviceRules) {
        List<AccessRule> all = new ArrayList<>(List.of(
                AccessRule.to("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/error")
                        .anyone(),
                AccessRule.to(HttpMethod.GET, API_DOCS).anyone(),
                AccessRule.to("/actuator/**").roles(Role.ADMIN)));
        all.addAll(List.of(serviceRules));
        return new AccessTable(all);
    }

    /** The rule that decides a request with this method to this concrete path; empty when the request is refused. */
    public Optional<AccessRule> ruleFor(HttpMethod method, String path) {
        return rules.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }
}
