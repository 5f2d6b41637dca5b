package ro.cluj.crt.query.page;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart, laid out here and drawn by the template as inline SVG: each bar under its label (wrapped
 * onto more lines when long, since SVG text does not wrap), its value written after it. The view box is narrow so
 * that its text stays legible on a phone. The same values go into a table beside the chart, so that they can be read
 * without seeing it.
 *
 * @param id      unique on the page; the SVG's title and description are named after it
 * @param headers the table's column headers: the label's column first, then one per cell of a bar
 * @param bars    in the order to draw them
 * @param height  of the drawing, in the units of its view box, {@value #WIDTH} wide
 */
public record BarChart(String id, String title, String description, List<String> headers, List<Bar> bars,
                       int height) {

    public static final int WIDTH = 320;
    private static final int LINE = 18;
    private static final int BAR = 14;
    private static final int GAP = 10;
    private static final int VALUE_ROOM = 56;
    /** About how many characters of 14-unit text fit on a line of the view box. */
    private static final int LINE_CHARACTERS = 38;

    /**
     * A bar.
     *
     * @param key   the value's code (a field, a sector, a week), kept on the drawing for machines
     * @param cells the table's cells after the label, the bar's value among them where the headers say
     */
    public record Bar(String key, String label, long value, List<String> cells, List<Line> lines, int barY,
                      double barWidth) {

        public double valueX() {
            return barWidth + 6;
        }

        public int valueY() {
            return barY + 12;
        }
    }

    /** A line of a bar's label and where it sits. */
    public record Line(String text, int y) {
    }

    /** What one bar shows, before it is laid out. */
    public record Value(String key, String label, long value, List<String> cells) {
    }

    public static BarChart of(String id, String title, String description, List<String> headers,
                              List<Value> values) {
        long max = values.stream().mapToLong(Value::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Value value : values) {
            double width = max == 0 ? 0 : (WIDTH - VALUE_ROOM) * (double) value.value() / max;
            List<Line> lines = new ArrayList<>();
            for (String text : wrapped(value.label())) {
                lines.add(new Line(text, y + LINE * (lines.size() + 1) - 4));
            }
            int barY = y + LINE * lines.size() + 2;
            bars.add(new Bar(value.key(), value.label(), value.value(), List.copyOf(value.cells()), List.copyOf(lines),
                    barY, Math.round(width * 10) / 10.0));
            y = barY + BAR + GAP;
        }
        return new BarChart(id, title, description, List.copyOf(headers), List.copyOf(bars), Math.max(y, LINE));
    }

    /** The label in lines of whole words, each about as long as fits. */
    static List<String> wrapped(String label) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > LINE_CHARACTERS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    public boolean empty() {
        return bars.isEmpty();
    }
}
