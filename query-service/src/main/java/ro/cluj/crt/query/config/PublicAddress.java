package ro.cluj.crt.query.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address the public reaches the read API at, for links in feeds and exports: {@code crt.public-url} when set
 * (so that links and Atom ids never depend on the {@code Host} header a client sent), else the address of the
 * current request, for a tracker run on one machine.
 */
@Component
public class PublicAddress {

    private final String configured;

    public PublicAddress(@Value("${crt.public-url:}") String configured) {
        String trimmed = configured.strip();
        this.configured = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The absolute address of {@code path} (which starts with '/'). */
    public String of(String path) {
        if (!configured.isEmpty()) {
            return configured + path;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }
}
