package ro.cluj.crt.command.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ro.cluj.crt.support.web.FieldError;

/**
 * Where a session happens: a place, a link for taking part online, or both; a link is an absolute http(s) address.
 * One rule, used by the request check (so it is reported with every other bad field) and by the aggregate.
 */
final class Venue {

    private Venue() {
    }

    /** What is wrong with this place and link, one error per bad field; empty when they are fine. */
    static List<FieldError> problems(String place, String link) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(place) && blank(link)) {
            errors.add(new FieldError("place", "give a place, a link or both"));
            errors.add(new FieldError("link", "give a place, a link or both"));
        } else if (!blank(link) && !webAddress(link.strip())) {
            errors.add(new FieldError("link", "must be an absolute http or https address"));
        }
        return errors;
    }

    private static boolean webAddress(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
