package ro.cluj.crt.query.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;
import ro.cluj.crt.query.config.ReadResponses;

/**
 * What every web page needs besides its own content: the language, links to the same page in the other language,
 * the position the page reflects, and that its answer varies with {@code Accept-Language}.
 */
public final class Pages {

    private Pages() {
    }

    /** Adds {@code lang}, {@code labels}, {@code inRomanian} and {@code inEnglish} to the model; sets the headers. */
    public static void prepare(Model model, Locale locale, long position, HttpServletRequest request,
                               HttpServletResponse response) {
        Labels labels = new Labels(locale);
        model.addAttribute("lang", labels.english() ? "en" : "ro");
        model.addAttribute("labels", labels);
        model.addAttribute("inRomanian", sameIn("ro", request));
        model.addAttribute("inEnglish", sameIn("en", request));
        response.setHeader(ReadResponses.POSITION_HEADER, Long.toString(position));
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    private static String sameIn(String lang, HttpServletRequest request) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam(PageLanguage.PARAMETER, lang).build().toUriString();
    }
}
