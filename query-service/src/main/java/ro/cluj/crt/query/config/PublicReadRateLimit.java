package ro.cluj.crt.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.filter.OncePerRequestFilter;
import ro.cluj.crt.support.ratelimit.ClientRateLimiter;
import ro.cluj.crt.support.ratelimit.RateLimit;
import ro.cluj.crt.support.security.Actor;
import ro.cluj.crt.support.web.Problems;

/**
 * Limits how many requests one client (remote address) may send without logging in; logged-in readers are not
 * limited. Runs after Spring Security, so that it knows who is logged in. Over the limit the answer is 429 with
 * {@code Retry-After}; every answer to the public says how many more requests are allowed now
 * ({@value #REMAINING}). Behind a reverse proxy, have it pass the client's address on (see the README).
 */
class PublicReadRateLimit extends OncePerRequestFilter {

    static final String REMAINING = "X-RateLimit-Remaining";
    private static final Logger log = LoggerFactory.getLogger(PublicReadRateLimit.class);

    private final ClientRateLimiter limiter;
    private final ObjectMapper json;

    PublicReadRateLimit(ClientRateLimiter limiter, ObjectMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    /**
     * Up to {@code burst} requests at once, then {@code requests} per {@code period}, per client address; at most
     * {@code maxClients} addresses remembered.
     */
    @ConfigurationProperties("crt.query.public-rate-limit")
    record Settings(Integer burst, Integer requests, Duration period, Integer maxClients) {

        Settings {
            burst = burst == null ? 600 : burst;
            requests = requests == null ? 300 : requests;
            period = period == null ? Duration.ofMinutes(1) : period;
            maxClients = maxClients == null ? 100_000 : maxClients;
            new RateLimit(burst, requests, period, maxClients);
        }

        RateLimit limit() {
            return new RateLimit(burst, requests, period, maxClients);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Actor.current().isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        ClientRateLimiter.Decision decision = limiter.tryAcquire(request.getRemoteAddr());
        response.setHeader(REMAINING, Long.toString(decision.remaining()));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = decision.retryAfterSeconds();
        log.info("refused a public request over the rate limit; retry after {} s", seconds);
        Problems.writeRateLimited(response, json, "too many requests from this client (or log in)", seconds);
    }
}
