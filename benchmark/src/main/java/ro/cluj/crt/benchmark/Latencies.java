package ro.cluj.crt.benchmark;

import java.util.Arrays;

/** The durations of one kind of request, in nanoseconds, and their median and 99th percentile. */
record Latencies(long[] nanos) {

    double medianMillis() {
        return percentileMillis(50);
    }

    double p99Millis() {
        return percentileMillis(99);
    }

    /** Nearest-rank percentile. */
    private double percentileMillis(int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
