package ro.cluj.crt.query.follow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links in webhook deliveries, which are written outside any request: absolute under {@code crt.public-url} when it
 * is set, else paths relative to the read API.
 */
@Component
class FollowLinks {

    private final String base;

    FollowLinks(@Value("${crt.public-url:}") String configured) {
        String trimmed = configured.strip();
        this.base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    Map<String, String> ofCommitment(String commitmentId) {
        String path = base + "/api/commitments/" + commitmentId;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("commitment", path);
        links.put("timeline", path + "/timeline");
        links.put("feed", path + "/feed.atom");
        return links;
    }
}
