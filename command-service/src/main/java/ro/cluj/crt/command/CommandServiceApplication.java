package ro.cluj.crt.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import ro.cluj.crt.support.ServiceSupport;

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
}
