package ro.cluj.crt.query;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import ro.cluj.crt.support.ServiceSupport;
import ro.cluj.crt.support.api.ApiDescription;

/** The query service: projections of the event store, the read API, reports. */
@SpringBootApplication
@Import(ServiceSupport.class)
public class QueryServiceApplication {

    /** Its configuration is {@code query-service.yml}, so that it can share a class path with the command service. */
    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QueryServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }

    /** The top of this service's OpenAPI document. */
    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("Cluj Resilience Tracker: read API (query service)",
                "Reads: organisation profiles, the report and insights, weekly editions and their feeds, "
                + "lessons, working sessions, commitments, their timelines and the dashboard, the audit API "
                + "and its export, and the admin operations on the views. Reads answer with "
                + "`Projection-Position` and accept `minPosition`, waiting up to 10 seconds for the view to "
                + "reach it. Log in on the command service (`POST /api/auth/token`).",
                false);
    }
}
