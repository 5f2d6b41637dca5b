package ro.cluj.crt.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class AccessTableTest {

    private final AccessTable table = AccessTable.of(
            AccessRule.to(HttpMethod.GET, "/api/reports/*").anyone(),
            AccessRule.to(HttpMethod.POST, "/api/things/*/reviews").roles(Role.MONITOR),
            AccessRule.to("/api/admin/**").roles(Role.ADMIN, Role.AUDITOR),
            AccessRule.to("/api/**").anyLogin());

    @Test
    void theFirstMatchingRuleDecides() {
        assertThat(table.ruleFor(HttpMethod.POST, "/api/things/x/reviews").orElseThrow().roles())
                .containsExactly(Role.MONITOR);
        assertThat(table.ruleFor(HttpMethod.GET, "/api/things/x/reviews").orElseThrow().access())
                .isEqualTo(AccessRule.Access.ANY_LOGIN);
        assertThat(table.ruleFor(HttpMethod.GET, "/api/reports/x.csv").orElseThrow().access())
                .isEqualTo(AccessRule.Access.ANYONE);
        assertThat(table.ruleFor(HttpMethod.DELETE, "/api/admin/replays/x").orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.ADMIN, Role.AUDITOR);
    }

    @Test
    void theSharedRulesComeFirst() {
        assertThat(table.ruleFor(HttpMethod.GET, "/actuator/health").orElseThrow().access())
                .isEqualTo(AccessRule.Access.ANYONE);
        assertThat(table.ruleFor(HttpMethod.GET, "/v3/api-docs").orElseThrow().access())
                .isEqualTo(AccessRule.Access.ANYONE);
        assertThat(table.ruleFor(HttpMethod.GET, "/actuator/prometheus").orElseThrow().roles())
                .containsExactly(Role.ADMIN);
        assertThat(table.ruleFor(HttpMethod.GET, "/actuator/health/db").orElseThrow().roles())
                .containsExactly(Role.ADMIN);
    }

    @Test
    void aRequestNoRuleCoversIsRefused() {
        assertThat(table.ruleFor(HttpMethod.GET, "/elsewhere")).isEmpty();
        assertThat(table.ruleFor(HttpMethod.POST, "/v3/api-docs")).isEmpty();
    }

    @Test
    void eachRuleSaysWhoMayCall() {
        assertThat(table.ruleFor(HttpMethod.GET, "/api/reports/x").orElseThrow().describe())
                .isEqualTo("Public: no login needed.");
        assertThat(table.ruleFor(HttpMethod.POST, "/api/things/x/reviews").orElseThrow().describe())
                .isEqualTo("Needs the role MONITOR.");
        assertThat(table.ruleFor(HttpMethod.GET, "/api/admin/x").orElseThrow().describe())
                .isEqualTo("Needs one of the roles AUDITOR, ADMIN.");
        assertThat(table.ruleFor(HttpMethod.GET, "/api/x").orElseThrow().describe())
                .isEqualTo("Needs a login: any role.");
    }
}
