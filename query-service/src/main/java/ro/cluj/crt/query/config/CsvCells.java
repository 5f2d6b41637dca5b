package ro.cluj.crt.query.config;

/**
 * Keeps a CSV cell from being read as a formula by a spreadsheet: a text starting with {@code = + - @}, a tab or a
 * carriage return gets a leading apostrophe, as Decidim's exporter does (and our importer takes it off again).
 * Numbers and dates are left as they are.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static Object safe(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
