package ro.cluj.crt.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work on standard error, never on standard output (which may be piped): on a terminal a bar
 * redrawn in place at most ten times a second, else a plain line every few seconds; both end with a final line.
 * It shows what was measured and nothing more: the count done (of the total, when known), the rate since the start,
 * and the time left at that rate (only when the total is known).
 */
final class Progress implements AutoCloseable {

    /** How progress is shown. */
    enum Style {
        /** A bar redrawn in place (a terminal). */
        BAR,
        /** A line now and then (a log file, a pipe). */
        LINES,
        /** Nothing. */
        NONE
    }

    private static final long BAR_EVERY_NANOS = 100_000_000L;
    private static final long LINE_EVERY_NANOS = 2_000_000_000L;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final Style style;
    private final String label;
    private final boolean bytes;
    private final LongSupplier clock;
    private final long started;
    private long total;
    private long done;
    private String secondLabel;
    private long second;
    private long secondTotal = -1;
    private long shownAt;
    private int lastWidth;

    /**
     * @param total the amount of work, or -1 when unknown
     * @param bytes whether the count is of bytes (shown as kB, MB) or of items
     * @param clock nanoseconds, as {@link System#nanoTime}
     */
    Progress(PrintWriter err, Style style, String label, long total, boolean bytes, LongSupplier clock) {
        this.err = err;
        this.style = style;
        this.label = label;
        this.total = total;
        this.bytes = bytes;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.shownAt = started;
    }

    static Progress of(PrintWriter err, Style style, String label, long total, boolean bytes) {
        return new Progress(err, style, label, total, bytes, System::nanoTime);
    }

    /** Counts a second measure beside the main one (such as links beside bytes), of {@code total} or -1. */
    Progress alsoCounting(String name, long total) {
        this.secondLabel = name;
        this.secondTotal = total;
        return this;
    }

    void total(long total) {
        this.total = total;
    }

    void advance(long amount) {
        done += amount;
        maybeShow();
    }

    void advanceSecond(long amount) {
        second += amount;
    }

    /** Sets both counts at once, for work measured elsewhere (a replay on the server). */
    void at(long doneNow, long totalNow) {
        done = doneNow;
        total = totalNow;
        maybeShow();
    }

    long done() {
        return done;
    }

    private void maybeShow() {
        long now = clock.getAsLong();
        long every = style == Style.BAR ? BAR_EVERY_NANOS : LINE_EVERY_NANOS;
        if (style != Style.NONE && now - shownAt >= every) {
            shownAt = now;
            show(now, false);
        }
    }

    @Override
    public void close() {
        if (style != Style.NONE) {
            show(clock.getAsLong(), true);
        }
    }

    private void show(long now, boolean last) {
        String text = line(now);
        if (style == Style.BAR) {
            String bar = label + " " + (total > 0 ? bar() + " " : "") + text;
            err.print("\r" + bar + " ".repeat(Math.max(0, lastWidth - bar.length())));
            lastWidth = bar.length();
            if (last) {
                err.println();
            }
        } else {
            err.println(label + ": " + text + (last ? ", done" : ""));
        }
        err.flush();
    }

    private String bar() {
        if (total <= 0) {
            return "";
        }
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    /** The count, the second count, the rate and the time left, as measured. */
    String line(long now) {
        StringBuilder text = new StringBuilder(amount(done));
        if (total >= 0) {
            text.append(" of ").append(amount(total));
            if (total > 0) {
                text.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
            }
        }
        if (secondLabel != null) {
            text.append(", ").append(String.format(Locale.ROOT, "%,d", second));
            if (secondTotal >= 0) {
                text.append(String.format(Locale.ROOT, " of %,d", secondTotal));
            }
            text.append(' ').append(secondLabel);
        }
        double seconds = (now - started) / 1e9;
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            text.append(", ").append(bytes ? size((long) rate) : String.format(Locale.ROOT, "%,.0f", rate))
                    .append("/s");
            if (total > done) {
                text.append(", about ").append(duration((long) Math.ceil((total - done) / rate))).append(" left");
            }
        }
        return text.toString();
    }

    private String amount(long value) {
        return bytes ? size(value) : String.format(Locale.ROOT, "%,d", value);
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d:%02d min", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d h", seconds / 3600, seconds % 3600 / 60);
    }
}
