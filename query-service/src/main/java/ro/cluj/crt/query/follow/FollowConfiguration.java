package ro.cluj.crt.query.follow;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The processor that fills the webhook outbox: pooled, one segment (deliveries are enqueued in the order of the
 * history), starting from the first event so that it knows every commitment's organisations. It is not one of the
 * views: it has no reset handler and refuses a reset (see {@link FollowerOutbox}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class FollowConfiguration {

    @Bean
    ConfigurerModule followProcessor() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessor(
                FollowerOutbox.PROCESSING_GROUP, Configuration::eventStore,
                (config, builder) -> builder.initialSegmentCount(1).batchSize(100));
    }
}
