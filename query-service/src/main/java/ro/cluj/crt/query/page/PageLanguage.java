package ro.cluj.crt.query.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import ro.cluj.crt.support.web.FieldError;
import ro.cluj.crt.support.web.InvalidRequestException;

/**
 * The language of the web pages: {@code ?lang=ro} or {@code ?lang=en} when given, else the first of the two that the
 * browser's {@code Accept-Language} asks for, else Romanian. Nothing is remembered between requests: the pages'
 * links carry the language on.
 */
@Component("localeResolver")
public class PageLanguage implements LocaleResolver {

    public static final String PARAMETER = "lang";
    public static final Locale ROMANIAN = Locale.of("ro");

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String asked = request.getParameter(PARAMETER);
        if ("en".equals(asked)) {
            return Locale.ENGLISH;
        }
        if ("ro".equals(asked) || request.getHeader("Accept-Language") == null) {
            return ROMANIAN;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if (locale.getLanguage().equals("en")) {
                return Locale.ENGLISH;
            }
            if (locale.getLanguage().equals("ro")) {
                return ROMANIAN;
            }
        }
        return ROMANIAN;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language is chosen by each request");
    }

    /** A {@code lang} other than {@code ro} or {@code en} is a bad request, as any other bad parameter. */
    public static void check(String lang) {
        List<FieldError> errors = new ArrayList<>();
        check(lang, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Adds the error of a bad {@code lang} to those of the request's other parameters. */
    public static void check(String lang, List<FieldError> errors) {
        if (lang != null && !lang.equals("ro") && !lang.equals("en")) {
            errors.add(new FieldError(PARAMETER, "must be ro or en"));
        }
    }
}
