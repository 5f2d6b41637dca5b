package ro.cluj.crt.query.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import ro.cluj.crt.support.web.InvalidRequestException;

class PageLanguageTest {

    private final PageLanguage language = new PageLanguage();

    @Test
    void theParameterDecidesBeforeTheBrowser() {
        assertThat(language.resolveLocale(request("en", "ro"))).isEqualTo(Locale.ENGLISH);
        assertThat(language.resolveLocale(request("ro", "en-GB,en"))).isEqualTo(PageLanguage.ROMANIAN);
    }

    @Test
    void elseTheFirstOfRomanianAndEnglishTheBrowserAsksFor() {
        assertThat(language.resolveLocale(request(null, "de-DE,en;q=0.8,ro;q=0.5"))).isEqualTo(Locale.ENGLISH);
        assertThat(language.resolveLocale(request(null, "hu,ro-RO;q=0.9,en;q=0.8"))).isEqualTo(PageLanguage.ROMANIAN);
    }

    @Test
    void elseRomanian() {
        assertThat(language.resolveLocale(request(null, null))).isEqualTo(PageLanguage.ROMANIAN);
        assertThat(language.resolveLocale(request(null, "de,fr"))).isEqualTo(PageLanguage.ROMANIAN);
    }

    @Test
    void anotherLanguageParameterIsABadRequestNamingIt() {
        assertThatThrownBy(() -> PageLanguage.check("fr")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error ->
                        assertThat(error.field()).isEqualTo("lang")));
    }

    private static MockHttpServletRequest request(String lang, String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/report");
        if (lang != null) {
            request.setParameter("lang", lang);
        }
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return request;
    }
}
