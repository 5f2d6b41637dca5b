package ro.cluj.crt.command.recommendation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ro.cluj.crt.support.ratelimit.ClientRateLimiter;

/** The rate limit of public recommendations, as a filter on their one endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RecommendationConfiguration {

    @Bean
    FilterRegistrationBean<RecommendationRateLimit> recommendationRateLimit(RateLimitSettings settings,
                                                                            ObjectMapper json) {
        FilterRegistrationBean<RecommendationRateLimit> registration = new FilterRegistrationBean<>(
                new RecommendationRateLimit(new ClientRateLimiter(settings.limit()), json));
        registration.addUrlPatterns(RecommendationRateLimit.PATH);
        return registration;
    }
}
