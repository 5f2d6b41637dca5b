package ro.cluj.crt.query.follow;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom feed (RFC 4287) with the JDK's StAX writer, which escapes markup in text and attributes; characters
 * XML 1.0 cannot carry at all (control characters other than tab, line feed and carriage return, lone surrogates)
 * are dropped first, so no stored text can make the document ill-formed.
 */
final class AtomWriter {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    static final String MEDIA_TYPE = "application/atom+xml";

    private AtomWriter() {
    }

    /** A link of the feed or of an entry; {@code type} may be null. */
    record Link(String rel, String type, String href) {
    }

    record Entry(String id, String title, Instant updated, Instant published, String author, String summary,
                 List<Link> links) {
    }

    record Feed(String id, String title, Instant updated, List<Link> links, List<Entry> entries) {
    }

    static String write(Feed feed) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "id", feed.id());
            text(xml, "title", feed.title());
            text(xml, "updated", timestamp(feed.updated()));
            xml.writeStartElement("author");
            text(xml, "name", "Cluj Resilience Tracker");
            xml.writeEndElement();
            for (Link link : feed.links()) {
                link(xml, link);
            }
            for (Entry entry : feed.entries()) {
                entry(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the Atom feed cannot be written", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, Entry entry) throws XMLStreamException {
        xml.writeStartElement("entry");
        text(xml, "id", entry.id());
        text(xml, "title", entry.title());
        text(xml, "updated", timestamp(entry.updated()));
        if (entry.published() != null) {
            text(xml, "published", timestamp(entry.published()));
        }
        if (entry.author() != null) {
            xml.writeStartElement("author");
            text(xml, "name", entry.author());
            xml.writeEndElement();
        }
        for (Link link : entry.links()) {
            link(xml, link);
        }
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(clean(entry.summary()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, Link link) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", link.rel());
        if (link.type() != null) {
            xml.writeAttribute("type", link.type());
        }
        xml.writeAttribute("href", clean(link.href()));
    }

    /** RFC 3339 in UTC, to the second or finer, as Atom's date constructs want. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The text without the characters XML 1.0 does not allow. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(AtomWriter::allowed).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
