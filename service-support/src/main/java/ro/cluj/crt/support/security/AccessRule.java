package ro.cluj.crt.support.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call some requests of a service: one line of its access table. The security filter chain applies the
 * table in order, first match wins, and the API description reads the same table to say what each operation needs,
 * so the two cannot drift apart.
 *
 * @param method   the HTTP method, or null for every method
 * @param patterns path patterns ({@code *} one segment, {@code **} any number)
 * @param access   who may call
 * @param roles    with {@link Access#ROLES}, the roles any one of which allows the call
 */
public record AccessRule(HttpMethod method, List<String> patterns, Access access, Set<Role> roles) {

    public AccessRule {
        patterns = List.copyOf(patterns);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Who may call. */
    public enum Access {
        /** no login needed */
        ANYONE,
        /** any logged-in account, whatever its roles */
        ANY_LOGIN,
        /** an account holding one of the rule's roles */
        ROLES
    }

    /** Requests with this method to these paths. */
    public static Target to(HttpMethod method, String... patterns) {
        return new Target(method, List.of(patterns));
    }

    /** Requests with any method to these paths. */
    public static Target to(String... patterns) {
        return new Target(null, List.of(patterns));
    }

    /** Whether this rule covers a request with this method to this concrete path. */
    public boolean matches(HttpMethod requestMethod, String path) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        return patterns.stream().map(PathPatternParser.defaultInstance::parse)
                .anyMatch((PathPattern pattern) -> pattern.matches(container));
    }

    /** What a reader of the API description is told about this rule. */
    public String describe() {
        return switch (access) {
            case ANYONE -> "Public: no login needed.";
            case ANY_LOGIN -> "Needs a login: any role.";
            case ROLES -> (roles.size() == 1 ? "Needs the role " : "Needs one of the roles ")
                    + roles.stream().sorted().map(Role::name).collect(Collectors.joining(", ")) + ".";
        };
    }

    /** The paths of a rule in the making; the access completes it. */
    public record Target(HttpMethod method, List<String> patterns) {

        public AccessRule anyone() {
            return new AccessRule(method, patterns, Access.ANYONE, Set.of());
        }

        public AccessRule anyLogin() {
            return new AccessRule(method, patterns, Access.ANY_LOGIN, Set.of());
        }

        public AccessRule roles(Role first, Role... others) {
            return new AccessRule(method, patterns, Access.ROLES, EnumSet.of(first, others));
        }
    }
}
