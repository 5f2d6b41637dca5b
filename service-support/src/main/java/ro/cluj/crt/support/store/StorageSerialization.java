package ro.cluj.crt.support.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How events, metadata, tokens and snapshots are stored: JSON through a mapper of their own, never the web layer's,
 * so that a change to how the API writes JSON can never change what is stored. The mapper is deliberately not a bean.
 */
@Configuration(proxyBeanMethods = false)
public class StorageSerialization {

    /** The mapper for stored messages; public so that tests and tools read stored bytes exactly as the services do. */
    public static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public static Serializer storageSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(storageMapper())
                .revisionResolver(new EventRevisionResolver())
                .build();
    }

    @Bean
    RevisionResolver revisionResolver() {
        return new EventRevisionResolver();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return storageSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return storageSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return storageSerializer();
    }
}
