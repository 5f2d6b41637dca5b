package ro.cluj.crt.query.opendata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import ro.cluj.crt.query.config.CsvCells;

/**
 * Writes a public table as CSV (RFC 4180, UTF-8 without a byte order mark, CRLF line ends, a header of the column
 * names, texts kept from being read as formulas by {@link CsvCells}) or as a JSON array of the read API's items.
 * Both are streamed row by row; neither closes the stream it is given.
 */
final class TableFiles {

    private final ObjectMapper json;

    TableFiles(ObjectMapper json) {
        this.json = json;
    }

    /** Writes the table's CSV; answers how many rows it wrote. */
    long csv(PublicTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(CloseShield.of(out), StandardCharsets.UTF_8);
        long[] count = {0};
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(table.columnNames().toArray(String[]::new))
                .get().print(writer)) {
            table.rows().accept(row -> {
                JsonNode node = json.valueToTree(row);
                List<Object> cells = new ArrayList<>();
                for (Column column : table.columns()) {
                    cells.add(CsvCells.safe(cell(node, column.steps())));
                }
                print(printer, cells);
                count[0]++;
            });
        }
        return count[0];
    }

    /** Writes the table's JSON array; answers how many rows it wrote. */
    long json(PublicTable table, OutputStream out) throws IOException {
        long[] count = {0};
        try (JsonGenerator generator = json.getFactory().createGenerator(CloseShield.of(out))) {
            generator.writeStartArray();
            table.rows().accept(row -> {
                try {
                    generator.writeObject(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
            generator.writeEndArray();
        }
        return count[0];
    }

    /**
     * The cell a column takes from a row's JSON: a text as it is, a number or truth value as JSON writes it, nothing
     * for null or a missing member, and the values of every array element on the way joined by
     * {@value Column#SEPARATOR}.
     */
    static String cell(JsonNode row, List<String> steps) {
        List<String> values = new ArrayList<>();
        collect(row, steps, 0, values);
        return values.isEmpty() ? null : String.join(Column.SEPARATOR, values);
    }

    private static void collect(JsonNode node, List<String> steps, int step, List<String> values) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (step == steps.size()) {
            if (node.isArray()) {
                node.forEach(element -> collect(element, steps, step, values));
            } else if (node.isValueNode()) {
                values.add(node.asText());
            } else {
                values.add(node.toString());
            }
            return;
        }
        String name = steps.get(step);
        if ("*".equals(name)) {
            node.forEach(element -> collect(element, steps, step + 1, values));
        } else {
            collect(node.get(name), steps, step + 1, values);
        }
    }

    private static void print(CSVPrinter printer, List<Object> cells) {
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
