package ro.cluj.crt.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import ro.cluj.crt.support.security.AccessRule;
import ro.cluj.crt.support.security.AccessTable;
import ro.cluj.crt.support.security.Role;
import ro.cluj.crt.support.security.ServiceSecurity;

/**
 * Who may call what on the command service: logging in and recommending an initiative are open (failed logins are
 * throttled, recommendations rate limited), erasing a person needs an admin, reading the login audit an admin or an
 * auditor, reporting progress on and reviewing commitments need a monitor, every other write needs the staff role.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSecurity {

    @Bean
    RequestRejectedHandler rejectedAsProblem(ObjectMapper json) {
        return ServiceSecurity.rejectedAsProblem(json);
    }

    /** The access table: the filter chain applies it and the API description states it. */
    @Bean
    AccessTable commandAccess() {
        return AccessTable.of(
                AccessRule.to(HttpMethod.POST, ServiceSecurity.LOGIN_PATH).anyone(),
                AccessRule.to(HttpMethod.POST, "/api/recommendations").anyone(),
                AccessRule.to(HttpMethod.GET, "/api/admin/logins").roles(Role.ADMIN, Role.AUDITOR),
                AccessRule.to("/api/admin/**").roles(Role.ADMIN),
                AccessRule.to(HttpMethod.POST, "/api/commitments/*/progress", "/api/commitments/*/reviews")
                        .roles(Role.MONITOR),
                AccessRule.to("/api/**").roles(Role.STAFF));
    }

    @Bean
    SecurityFilterChain commandApi(HttpSecurity http, ObjectMapper json, AccessTable access) throws Exception {
        return ServiceSecurity.build(http, json, access);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
