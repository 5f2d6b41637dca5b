package ro.cluj.crt.query.edition;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import ro.cluj.crt.query.config.ViewJson;

/**
 * The feeds other platforms follow to pick up new editions: Atom (RFC 4287) and JSON Feed 1.1. Each entry links the
 * edition's page and its JSON and carries its SHA-256, so a follower can check what it downloads.
 */
final class EditionFeeds {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String TITLE = "Cluj Resilience Tracker: weekly editions";
    private static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");

    private EditionFeeds() {
    }

    /** @param base the address of the editions, ending in '/', such as {@code http://host/api/editions/} */
    static String atom(List<EditionQueries.Stored> editions, String base) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "title", TITLE);
            element(xml, "id", base + "feed.atom");
            link(xml, "self", "application/atom+xml", base + "feed.atom");
            element(xml, "updated", editions.isEmpty() ? "1970-01-01T00:00:00Z"
                    : instant(editions.getFirst().summary().publishedOn()));
            xml.writeStartElement("author");
            element(xml, "name", "Cluj Resilience Tracker");
            xml.writeEndElement();
            for (EditionQueries.Stored edition : editions) {
                int number = edition.summary().number();
                xml.writeStartElement("entry");
                element(xml, "id", base + number);
                element(xml, "title", "Edition " + number + ": " + edition.summary().title());
                element(xml, "updated", instant(edition.summary().publishedOn()));
                link(xml, "alternate", "text/html", base + number + ".html");
                link(xml, "alternate", "application/json", base + number);
                element(xml, "summary", summary(edition));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the Atom feed cannot be written", e);
        }
        return out.toString();
    }

    static String json(List<EditionQueries.Stored> editions, String base) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", TITLE);
        feed.put("home_page_url", base.substring(0, base.length() - 1));
        feed.put("feed_url", base + "feed.json");
        List<Map<String, Object>> items = new ArrayList<>();
        for (EditionQueries.Stored edition : editions) {
            int number = edition.summary().number();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", base + number);
            item.put("url", base + number + ".html");
            item.put("title", "Edition " + number + ": " + edition.summary().title());
            item.put("content_text", summary(edition));
            item.put("date_published", instant(edition.summary().publishedOn()));
            item.put("_crt", Map.of("number", number, "json", base + number, "sha256", edition.summary().sha256()));
            items.add(item);
        }
        feed.put("items", items);
        return ViewJson.write(feed);
    }

    private static String summary(EditionQueries.Stored edition) {
        String text = "Published " + edition.summary().publishedOn() + ". SHA-256 of its canonical JSON: "
                + edition.summary().sha256() + ".";
        return edition.summary().corrects() == null ? text
                : text + " Corrects edition " + edition.summary().corrects() + ".";
    }

    /** Editions are dated; a feed wants an instant: the start of that day in Cluj. */
    private static String instant(LocalDate date) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atStartOfDay(CLUJ).toOffsetDateTime());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
