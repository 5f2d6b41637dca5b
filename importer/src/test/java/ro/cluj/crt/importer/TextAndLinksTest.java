package ro.cluj.crt.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cleaning of text values and lists, and finding the addresses in a note. */
class TextAndLinksTest {

    @Test
    void lineBreaksBecomeLineFeedsAndSurroundingSpacesGo() {
        assertThat(Text.clean("one\r\rtwo\r\nthree\nfour  ")).isEqualTo("one\n\ntwo\nthree\nfour");
        assertThat(Text.clean("  \r\n ")).isNull();
        assertThat(Text.clean(null)).isNull();
    }

    @Test
    void listsAreSplitOnSemicolonSpaceAndEmptyPartsDropped() {
        assertThat(Text.split("https://a.example/1  ; https://b.example/2 ; no link"))
                .containsExactly("https://a.example/1", "https://b.example/2", "no link");
        assertThat(Text.split("; ;  SMEs ; ")).containsExactly("SMEs");
        assertThat(Text.split("")).isEmpty();
    }

    @Test
    void naceContinuationsJoinTheEntryBefore() {
        assertThat(EurofoundMapper.industries(List.of("O84 Public administration and defence",
                "compulsory social security", "Q86 Human health activities")))
                .containsExactly("O84 Public administration and defence; compulsory social security",
                        "Q86 Human health activities");
    }

    @Test
    void linksLoseThePunctuationOfTheProseAroundThem() {
        assertThat(Links.in("see (https://example.org/a). And https://example.org/b_(c); then"
                + " https://example.org/a again"))
                .containsExactly("https://example.org/a", "https://example.org/b_(c)");
        assertThat(Links.in("no address here")).isEmpty();
    }

    @Test
    void factsheetAddressesReplaceTheSlashOfTheIdentifier() {
        assertThat(EurofoundMapper.factsheet("RO-2020-12/529"))
                .isEqualTo("https://static.eurofound.europa.eu/covid19db/cases/RO-2020-12_529.html");
    }
}
