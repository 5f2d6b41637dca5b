package ro.cluj.crt.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import ro.cluj.crt.support.ServiceSupport;
import ro.cluj.crt.support.api.ApiDescription;

/** The command service: the staff API for writes, the aggregates that check the rules, and the event store. */
@SpringBootApplication
@Import(ServiceSupport.class)
public class CommandServiceApplication {

    /** Its configuration is {@code command-service.yml}, so that it can share a class path with the query service. */
    public static final String CONFIG_NAME = "command-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CommandServiceApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }

    /** The top of this service's OpenAPI document. */
    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("Cluj Resilience Tracker: staff API (command service)",
                "Writes: organisations, contact people, interviews, editions, lessons, working sessions, "
                + "commitments and public recommendations. Log in with `POST /api/auth/token`, then send "
                + "the access token as `Authorization: Bearer ...` to either service. Every write answers "
                + "with the new `version` (also the `ETag`, for a later `If-Match`) and the event store "
                + "`position` it reached, for `minPosition` on the read API.",
                true);
    }
}
