package ro.cluj.crt.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A UTF-8 CSV file (RFC 4180 quoting, header in the first line) read whole: its column names, the records that have
 * one value per column, and the records that could not be read. Values are separated by commas, or by semicolons when
 * the header line holds more semicolons than commas (Decidim's exports, for one, use semicolons).
 */
record CsvFile(String name, List<String> header, List<SourceRecord> records, List<BadRecord> unreadable) {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();
    private static final CSVFormat SEMICOLONS = FORMAT.builder().setDelimiter(';').get();

    /** How many data records the file holds, readable or not. */
    int recordCount() {
        return records.size() + unreadable.size();
    }

    /** Reads a file; fails only when the file or its header cannot be read at all. */
    static CsvFile read(Path path) throws IOException {
        return parse(path.toString(), decode(path));
    }

    /** Parses CSV text; {@code name} names the file in reports. */
    static CsvFile parse(String name, String text) throws IOException {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LineIndex lines = new LineIndex(content);
        List<SourceRecord> records = new ArrayList<>();
        List<BadRecord> unreadable = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), formatOf(content))) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            Iterator<CSVRecord> iterator = parser.iterator();
            long number = 0;
            long nextLine = parser.getCurrentLineNumber() + 1;
            try {
                while (iterator.hasNext()) {
                    CSVRecord row = iterator.next();
                    number++;
                    nextLine = parser.getCurrentLineNumber() + 1;
                    RecordLocation where = new RecordLocation(name, number, lines.lineOf(row.getCharacterPosition()));
                    if (row.size() == header.size()) {
                        records.add(new SourceRecord(where, valuesOf(header, row)));
                    } else {
                        unreadable.add(new BadRecord(where, "it has " + row.size() + " values where the header has "
                                + header.size() + " columns"));
                    }
                }
            } catch (UncheckedIOException e) {
                // the parser cannot resynchronise after a broken quote, so the rest of the file is lost
                RecordLocation where = new RecordLocation(name, number + 1, nextLine);
                unreadable.add(new BadRecord(where, "the file cannot be read from here on: "
                        + e.getCause().getMessage()));
            }
            return new CsvFile(name, header, records, unreadable);
        } catch (IllegalArgumentException e) {
            throw new IOException("the header cannot be read: " + e.getMessage(), e);
        }
    }

    /** Semicolons separate the values when the header line has more of them than commas. */
    static CSVFormat formatOf(String content) {
        int end = 0;
        while (end < content.length() && content.charAt(end) != '\n' && content.charAt(end) != '\r') {
            end++;
        }
        String header = content.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? SEMICOLONS : FORMAT;
    }

    private static Map<String, String> valuesOf(List<String> header, CSVRecord row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), row.get(i));
        }
        return values;
    }

    private static String decode(Path path) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("it is not UTF-8 text", e);
        }
    }
}
