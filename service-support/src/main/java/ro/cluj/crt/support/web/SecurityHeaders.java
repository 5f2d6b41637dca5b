package ro.cluj.crt.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers that tell a browser to take every answer for what it says it is, never to show it inside another
 * site's frame, to run nothing it brings along (an edition's HTML page has an inline style sheet and no script), and
 * to send no address of ours to other sites. Set before anything else runs, so that refusals made before Spring
 * Security (413, the firewall's 400, rate limits) carry them too. {@code Cache-Control} is left to Spring Security,
 * which forbids storing any answer the controller did not mark as cacheable itself.
 */
public class SecurityHeaders extends OncePerRequestFilter {

    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; "
                    + "form-action 'none'";
    private static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        applyTo(response);
        if (request.getRequestURI().startsWith("/swagger-ui/")) {
            response.setHeader("Content-Security-Policy", SWAGGER_UI_POLICY);
        }
        chain.doFilter(request, response);
    }

    /** Sets the headers on one answer; also for answers Tomcat makes itself ({@link ProblemErrorReportValve}). */
    static void applyTo(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
