package ro.cluj.crt.benchmark;

import java.util.Locale;

/**
 * One line of the table a full run ({@code --all}) prints at its end: a figure, its baseline measured in the same
 * run, their ratio and the target the ratio is held to.
 *
 * @param figure   what was measured, e.g. "commands per second through the HTTP API, 8 clients"
 * @param measured the figure with its unit, e.g. "1,234.5 /s" or "p99 12.3 ms"
 * @param baseline the baseline with its unit, or "" where the figure has none
 * @param ratio    measured / baseline (for latencies and heap: measured / baseline or measured / limit), NaN if none
 * @param target   the target as text, e.g. "≥ 0.5", "≤ 1.5", "report"
 * @param met      whether the target is met; null where the figure is only reported
 */
record SummaryRow(String figure, String measured, String baseline, double ratio, String target, Boolean met) {

    /** A throughput figure held to at least {@code minimum} of its baseline. */
    static SummaryRow atLeast(String figure, double value, double baseline, String unit, double minimum) {
        double ratio = value / baseline;
        return new SummaryRow(figure, number(value) + " " + unit, number(baseline) + " " + unit, ratio,
                "≥ " + minimum, ratio >= minimum);
    }

    /** A latency or size figure held to at most {@code maximum} of its baseline (or limit). */
    static SummaryRow atMost(String figure, String measured, String baseline, double ratio, double maximum) {
        return new SummaryRow(figure, measured, baseline, ratio, "≤ " + maximum, ratio <= maximum);
    }

    /** A figure that is only reported, beside what it is read against. */
    static SummaryRow reported(String figure, String measured, String baseline, double ratio) {
        return new SummaryRow(figure, measured, baseline, ratio, "report", null);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.2f", value);
    }

    String ratioText() {
        return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.3f", ratio);
    }

    String verdict() {
        return met == null ? "" : met ? "met" : "NOT MET";
    }
}
