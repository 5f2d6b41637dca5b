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

    @Bean
    SecurityFilterChain commandApi(HttpSecurity http, ObjectMapper json) throws Exception {
        return ServiceSecurity.build(http, json, rules -> rules
                .requestMatchers(HttpMethod.POST, ServiceSecurity.LOGIN_PATH).permitAll()
                .requestMatchers(HttpMethod.POST, "/api/recommendations").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/admin/logins").hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/commitments/*/progress", "/api/commitments/*/reviews")
                .hasRole(Role.MONITOR.name())
                .requestMatchers("/api/**").hasRole(Role.STAFF.name())
                .anyRequest().denyAll());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
