package ro.cluj.crt.command.config;

import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events that deadlines cause get their metadata (the tracker itself as actor, the deadline as cause) like every
 * other event: Axon applies correlation data to command handling by default, not to deadline handling.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineMetadata {

    @Bean
    InitializingBean deadlineCorrelationData(DeadlineManager deadlines, List<CorrelationDataProvider> providers) {
        return () -> deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
    }
}
