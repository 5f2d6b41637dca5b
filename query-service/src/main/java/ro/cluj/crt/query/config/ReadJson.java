package ro.cluj.crt.query.config;

import com.fasterxml.jackson.databind.Module;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the read API's JSON mapper knows beyond Spring Boot's defaults: documents copied from the views as stored. */
@Configuration(proxyBeanMethods = false)
class ReadJson {

    @Bean
    Module viewDocuments() {
        return ViewDocument.module();
    }
}
