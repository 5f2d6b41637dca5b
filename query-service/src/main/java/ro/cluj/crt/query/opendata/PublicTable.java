package ro.cluj.crt.query.opendata;

import java.util.List;
import java.util.function.Consumer;

/**
 * A list view as the public sees it, exported whole: {@code name.csv} and {@code name.json} hold the same rows, the
 * JSON as the read API answers each item, the CSV one cell per {@link Column} taken from that JSON.
 *
 * @param views the processing groups whose views the rows come from
 * @param rows  hands every row, in the list's order, to the consumer given; call it inside a read of {@code views}
 */
record PublicTable(String name, String title, String description, List<String> views, List<Column> columns,
                   Consumer<Consumer<Object>> rows) {

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
