package ro.cluj.crt.support.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import ro.cluj.crt.support.web.Problems;

/**
 * A limit per client (the connection's remote address) on the requests a subclass says it counts. Every counted
 * request's answer says how many more are allowed now ({@value #REMAINING}); over the limit the answer is a 429
 * problem with {@code Retry-After}. The address is not logged: with the time it would identify the person who sent
 * the request. Behind a reverse proxy, have it pass the client's address on (see the README).
 */
public abstract class ClientRateLimitFilter extends OncePerRequestFilter {

    public static final String REMAINING = "X-RateLimit-Remaining";
    private static final Logger log = LoggerFactory.getLogger(ClientRateLimitFilter.class);

    private final ClientRateLimiter limiter;
    private final ObjectMapper json;
    private final String tooMany;

    /** @param tooMany what the refusal says was too much, e.g. "too many recommendations from this client" */
    protected ClientRateLimitFilter(ClientRateLimiter limiter, ObjectMapper json, String tooMany) {
        this.limiter = limiter;
        this.json = json;
        this.tooMany = tooMany;
    }

    /** Whether the limit counts this request; the others pass untouched. */
    protected abstract boolean counts(HttpServletRequest request);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!counts(request)) {
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
        log.info("refused a request over the rate limit ({}); retry after {} s", tooMany, seconds);
        Problems.writeRateLimited(response, json, tooMany, seconds);
    }
}
