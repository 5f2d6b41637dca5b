package ro.cluj.crt.query.config;

import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the pooled processors claim their segments.
 * <ul>
 *   <li>A segment whose work package sees only events it does not handle stores its token only when it extends its
 *   claim; read-your-writes waits for every segment's token, so that interval is how long such a read can wait. Half
 *   a second keeps reads prompt at the cost of a few more small token writes.</li>
 *   <li>Several instances split the segments between them ({@link SegmentShare}). An instance that dies keeps its
 *   claims until they time out ({@code axon.eventhandling.tokenstore.claim-timeout}); the others see it gone after
 *   {@code crt.query.node-timeout}, which should be no longer, and claim its segments at their next try.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ProcessorTuning {

    /** The projections' writes, held back until their processor's batch commits. */
    @Bean
    WriteBehind projectionWrites(JdbcTemplate jdbc) {
        return WriteBehind.deferred(jdbc);
    }

    @Bean
    SegmentShare segmentShare(JdbcTemplate jdbc,
                              @Value("${crt.query.node-heartbeat:2s}") Duration heartbeat,
                              @Value("${crt.query.node-timeout:10s}") Duration nodeTimeout) {
        return new SegmentShare(jdbc, heartbeat, nodeTimeout);
    }

    @Bean
    ConfigurerModule pooledProcessorClaims(@Value("${crt.query.claim-extension-threshold-ms:500}") long threshold,
                                           SegmentShare share) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((config, builder) ->
                        builder.claimExtensionThreshold(threshold).maxSegmentProvider(share));
    }
}
