package ro.cluj.crt.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import ro.cluj.crt.query.opendata.OpenDataPaths;
import ro.cluj.crt.support.ratelimit.ClientRateLimiter;
import ro.cluj.crt.support.security.AccessRule;
import ro.cluj.crt.support.security.AccessTable;
import ro.cluj.crt.support.security.Role;
import ro.cluj.crt.support.security.ServiceSecurity;

/**
 * Who may read what: the vocabularies, the report and organisation profiles are public (and show only consented data
 * to the public), as are commitments, their timelines and the dashboard, weekly editions, insights, lessons and
 * working sessions (the public sees published lessons and sessions that are not cancelled); managing projections needs
 * an admin, except that auditors may also run shadow replays (all but switching one in). Recommendations are never
 * public: the triage list is for staff, one recommendation for any logged-in role (the recommender's details for staff
 * only). The audit API (events with metadata, chain verification) is for auditors only, admins included only if they
 * also hold the auditor role, so that those who erase and rebuild are checked by someone else; the signed checkpoints
 * and the public key are public, so that outsiders can hold the tracker to them. The web pages are public too.
 * Requests without a login are rate limited per client address.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicReadRateLimit.Settings.class)
public class QuerySecurity {

    private static final String[] PUBLIC_READS = {
        "/api/vocabularies", "/api/report", "/api/insights", "/api/organisations", "/api/organisations/*",
        "/api/commitments/*", "/api/commitments/*/timeline", "/api/organisations/*/commitments", "/api/dashboard",
        "/api/dashboard/*", "/api/editions", "/api/editions/*", "/api/lessons", "/api/lessons/*", "/api/sessions",
        "/api/sessions/*", "/api/commitments/*/feed.atom", "/api/organisations/*/feed.atom"};

    /** The web pages: public, and showing public data only whoever asks. */
    private static final String[] PAGES = {"/", "/report", "/commitments", "/commitments/*", "/organisations/*"};

    @Bean
    RequestRejectedHandler rejectedAsProblem(ObjectMapper json) {
        return ServiceSecurity.rejectedAsProblem(json);
    }

    /** Right after Spring Security's filters, so that it knows whether the request is logged in. */
    @Bean
    FilterRegistrationBean<PublicReadRateLimit> publicReadRateLimit(PublicReadRateLimit.Settings settings,
                                                                    ObjectMapper json) {
        FilterRegistrationBean<PublicReadRateLimit> registration = new FilterRegistrationBean<>(
                new PublicReadRateLimit(new ClientRateLimiter(settings.limit()), json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** The access table: the filter chain applies it and the API description states it. */
    @Bean
    AccessTable queryAccess() {
        return AccessTable.of(
                AccessRule.to(HttpMethod.GET, PUBLIC_READS).anyone(),
                AccessRule.to(HttpMethod.HEAD, PUBLIC_READS).anyone(),
                AccessRule.to(HttpMethod.GET, PAGES).anyone(),
                AccessRule.to(HttpMethod.HEAD, PAGES).anyone(),
                AccessRule.to(HttpMethod.GET, OpenDataPaths.PUBLIC).anyone(),
                AccessRule.to(HttpMethod.GET, "/api/audit/checkpoints", "/api/audit/public-key").anyone(),
                AccessRule.to("/api/audit/**").roles(Role.AUDITOR),
                AccessRule.to(HttpMethod.POST, "/api/admin/replays/*/switch").roles(Role.ADMIN),
                AccessRule.to("/api/admin/replays", "/api/admin/replays/**").roles(Role.ADMIN, Role.AUDITOR),
                AccessRule.to("/api/admin/**").roles(Role.ADMIN),
                AccessRule.to("/api/recommendations").roles(Role.STAFF),
                AccessRule.to("/api/**").anyLogin());
    }

    @Bean
    SecurityFilterChain queryApi(HttpSecurity http, ObjectMapper json, AccessTable access) throws Exception {
        return ServiceSecurity.build(http, json, access);
    }
}
