package ro.cluj.crt.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import ro.cluj.crt.support.web.Problems;

/**
 * The security both services apply: stateless bearer tokens, no sessions, problem documents for 401 and 403 that say
 * nothing about what exists, and each service's own rules for who may call what.
 */
public final class ServiceSecurity {

    public static final String ROLES_CLAIM = "roles";
    /** Where a client logs in (on the command service). */
    public static final String LOGIN_PATH = "/api/auth/token";

    private ServiceSecurity() {
    }

    /** The filter chain that applies this access table, in order, and refuses every request it does not cover. */
    public static SecurityFilterChain build(HttpSecurity http, ObjectMapper json, AccessTable table)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                // SecurityHeaders sets these on every answer, refusals before this chain included
                .headers(headers -> headers.contentTypeOptions(options -> options.disable())
                        .frameOptions(options -> options.disable()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(tokensOutsideLogin())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken()))
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "login required")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "login required"))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "your roles do not allow this")))
                .authorizeHttpRequests(requests -> {
                    table.rules().forEach(rule -> apply(requests, rule));
                    requests.anyRequest().denyAll();
                })
                .build();
    }

    private static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            AccessRule rule) {
        String[] patterns = rule.patterns().toArray(String[]::new);
        var matched = rule.method() == null ? requests.requestMatchers(patterns)
                : requests.requestMatchers(rule.method(), patterns);
        switch (rule.access()) {
            case ANYONE -> matched.permitAll();
            case ANY_LOGIN -> matched.authenticated();
            case ROLES -> matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
        }
    }

    private static JwtAuthenticationConverter rolesFromToken() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(ServiceSecurity::authorities);
        return converter;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (roles == null) {
            return List.of();
        }
        return roles.stream()
                .map(code -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + code.toUpperCase()))
                .toList();
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        Problems.write(response, json, Problems.of(status,
                status == HttpStatus.UNAUTHORIZED ? "unauthenticated" : "forbidden", detail));
    }

    /** Tokens are read from every request but a login, so that a client holding a stale token can log in again. */
    private static BearerTokenResolver tokensOutsideLogin() {
        DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
        return request -> LOGIN_PATH.equals(request.getRequestURI()) ? null : tokens.resolve(request);
    }

    /**
     * Requests that Spring Security's firewall refuses (encoded slashes, path parameters, traversal) get a problem
     * document like every other refusal.
     */
    public static RequestRejectedHandler rejectedAsProblem(ObjectMapper json) {
        return (request, response, e) -> Problems.write(response, json, Problems.of(HttpStatus.BAD_REQUEST,
                "invalid-request", "the request address is not allowed"));
    }
}
