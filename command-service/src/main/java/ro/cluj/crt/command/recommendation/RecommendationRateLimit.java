package ro.cluj.crt.command.recommendation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import ro.cluj.crt.support.ratelimit.ClientRateLimiter;
import ro.cluj.crt.support.web.Problems;

/**
 * Limits how many recommendations one client may send, before the body is read: every attempt counts, accepted or
 * not, so that bad requests cannot be used to probe or flood. A refused request gets 429 with {@code Retry-After};
 * every answer says how many more requests are allowed right now ({@value #REMAINING}).
 *
 * <p>The client is the remote address of the connection. Behind a reverse proxy every request shares the proxy's
 * address: configure the proxy to pass the client's address on (Tomcat's {@code RemoteIpValve}, Spring's
 * {@code server.forward-headers-strategy}) so that this filter sees it.
 */
class RecommendationRateLimit extends OncePerRequestFilter {

    static final String PATH = "/api/recommendations";
    static final String REMAINING = "X-RateLimit-Remaining";
    private static final Logger log = LoggerFactory.getLogger(RecommendationRateLimit.class);

    private final ClientRateLimiter limiter;
    private final ObjectMapper json;

    RecommendationRateLimit(ClientRateLimiter limiter, ObjectMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientRateLimiter.Decision decision = limiter.tryAcquire(request.getRemoteAddr());
        response.setHeader(REMAINING, Long.toString(decision.remaining()));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = decision.retryAfterSeconds();
        // the address is not logged: with the time it would identify the person who sent the request
        log.info("refused a recommendation over the rate limit; retry after {} s", seconds);
        Problems.writeRateLimited(response, json, "too many recommendations from this client", seconds);
    }
}
