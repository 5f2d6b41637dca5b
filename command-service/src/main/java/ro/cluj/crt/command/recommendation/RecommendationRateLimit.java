package ro.cluj.crt.command.recommendation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import ro.cluj.crt.support.ratelimit.ClientRateLimitFilter;
import ro.cluj.crt.support.ratelimit.ClientRateLimiter;

/**
 * Limits how many recommendations one client may send, before the body is read: every attempt counts, accepted or
 * not, so that bad requests cannot be used to probe or flood.
 *
 * <p>The client is the remote address of the connection. Behind a reverse proxy every request shares the proxy's
 * address: configure the proxy to pass the client's address on (Tomcat's {@code RemoteIpValve}, Spring's
 * {@code server.forward-headers-strategy}) so that this filter sees it.
 */
class RecommendationRateLimit extends ClientRateLimitFilter {

    static final String PATH = "/api/recommendations";

    RecommendationRateLimit(ClientRateLimiter limiter, ObjectMapper json) {
        super(limiter, json, "too many recommendations from this client");
    }

    @Override
    protected boolean counts(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI());
    }
}
