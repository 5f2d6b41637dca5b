package ro.cluj.crt.query.config;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A segment whose work package sees only events it does not handle stores its token only when it extends its claim;
 * read-your-writes waits for every segment's token, so that interval is how long such a read can wait. Half a
 * second keeps reads prompt at the cost of a few more small token writes.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorTuning {

    @Bean
    ConfigurerModule promptTokens(@Value("${crt.query.claim-extension-threshold-ms:500}") long threshold) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((config, builder) ->
                        builder.claimExtensionThreshold(threshold));
    }
}
