package ro.cluj.crt.command.audit;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tamper evidence for the event store: the chain sealer and its checkpoint signer. {@code crt.audit.sealer-enabled}
 * turns the sealer off (a benchmark of the bare write path); the chain then falls behind and verification says so.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SealerSettings.class)
class AuditConfiguration {

    @Bean
    @ConditionalOnProperty(name = "crt.audit.sealer-enabled", havingValue = "true", matchIfMissing = true)
    ChainSealer chainSealer(DataSource dataSource, SealerSettings settings,
                            @Value("${crt.event-store.schema}") String schema) {
        return new ChainSealer(dataSource, settings, CheckpointSigner.from(settings), schema);
    }
}
