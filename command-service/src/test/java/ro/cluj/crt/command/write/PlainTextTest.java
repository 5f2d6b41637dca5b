package ro.cluj.crt.command.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest(name = "[{0}] is plain text")
    @ValueSource(strings = {"a < b", "x<3", "&lt;b&gt;", "5 <= 6", "<", "ends with <", "a <- b", "<3 Cluj",
        "price < 100 lei & > 50", "<<>>", "< script>", "e-mail: ana@example.ro", "line one\nline two", ""})
    void plainTextPasses(String text) {
        assertThat(PlainText.Check.hasMarkup(text)).isFalse();
    }

    @ParameterizedTest(name = "[{0}] holds markup")
    @ValueSource(strings = {"<script>alert(1)</script>", "</p>", "<!-- -->", "<?xml version=\"1.0\"?>", "<b>",
        "<img src=x onerror=alert(1)>", "text <a href=\"https://example.org\">link</a>", "<!DOCTYPE html>", "<Svg>",
        "<ș>", "x</", "a<b", "<iframe", "line one\n<div>"})
    void markupIsFound(String text) {
        assertThat(PlainText.Check.hasMarkup(text)).isTrue();
    }

    @ParameterizedTest(name = "[{0}] is an e-mail address or a phone number")
    @ValueSource(strings = {"ana@example.ro", "ana.pop+cluj@mail.example.ro", "+40 744 100 271", "0264-123456",
        "(0264) 59.12.34", "  ana@example.ro  "})
    void contactsPass(String contact) {
        assertThat(new EmailOrPhone.Check().isValid(contact, null)).isTrue();
    }

    @ParameterizedTest(name = "[{0}] is no contact")
    @ValueSource(strings = {"ana", "ana@", "@example.ro", "ana@example", "ana@@example.ro", "ana pop@example.ro",
        "<ana@example.ro>", "12345", "+40 744 100 271 ext", "call me", "123456789012345678901"})
    void otherTextsFail(String contact) {
        assertThat(new EmailOrPhone.Check().isValid(contact, null)).isFalse();
    }
}
