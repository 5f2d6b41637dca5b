package ro.cluj.crt.support.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own refusals, made before any filter or Spring runs (an address with a NUL, an encoded slash or a broken
 * character, a header over the size limit), answered with a problem document and the security headers instead of
 * Tomcat's HTML page. Nothing of the request or the server is repeated.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String kind = switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 413 -> "payload-too-large";
            case 500 -> "internal-error";
            default -> "http-" + status;
        };
        String detail = status == 500 ? "the request could not be completed" : "the request was refused by the server";
        String body = "{\"type\":\"/problems/" + kind + "\",\"title\":\"" + title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            SecurityHeaders.applyTo(response);
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer is under way: the status line is all it gets
        }
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
