package ro.cluj.crt.query;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import ro.cluj.crt.support.ServiceSupport;

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
}
