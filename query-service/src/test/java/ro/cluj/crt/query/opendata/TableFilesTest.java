package ro.cluj.crt.query.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A table's CSV takes each cell from the row's JSON: quoted as RFC 4180 says, safe from spreadsheet formulas. */
class TableFilesTest {

    private final TableFiles files = new TableFiles(new ObjectMapper());

    private static PublicTable table(List<Object> rows) {
        return new PublicTable("things", "Things", "things", List.of("catalogue"), List.of(
                Column.text("thing_id", "id", "id"),
                Column.text("name", "details/name", "name"),
                Column.list("tags", "tags", "tags"),
                Column.list("source_ids", "sources/*/id", "sources"),
                Column.integer("count", "count", "count"),
                Column.bool("open", "open", "open")), rows::forEach);
    }

    @Test
    void cellsComeFromTheJsonPathsWithListsJoinedBySemicolons() throws IOException {
        Map<String, Object> row = Map.of("id", "t-1", "details", Map.of("name", "Café \"Central\", Cluj"),
                "tags", List.of("a", "b"), "sources", List.of(Map.of("id", "s-1"), Map.of("id", "s-2")),
                "count", 3, "open", true);

        String csv = csv(table(List.of(row)));

        assertThat(csv).isEqualTo("thing_id,name,tags,source_ids,count,open\r\n"
                + "t-1,\"Café \"\"Central\"\", Cluj\",a;b,s-1;s-2,3,true\r\n");
    }

    @Test
    void aMissingOrNullValueIsAnEmptyCellAndAFormulaGetsAnApostrophe() throws IOException {
        Map<String, Object> row = Map.of("id", "t-2", "details", Map.of("name", "=1+2"), "tags", List.of());

        String csv = csv(table(List.of(row)));

        assertThat(csv.lines().toList().get(1)).isEqualTo("t-2,'=1+2,,,,");
    }

    @Test
    void theJsonIsAnArrayOfTheRowsAsTheyAre() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = files.json(table(List.of(Map.of("id", "t-1"), Map.of("id", "t-2"))), out);

        assertThat(rows).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[{\"id\":\"t-1\"},{\"id\":\"t-2\"}]");
    }

    private String csv(PublicTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.csv(table, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
