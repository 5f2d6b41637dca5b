package ro.cluj.crt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress shows what was measured: counts, the rate since the start, the time left at that rate. */
class ProgressTest {

    private final StringWriter written = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private Progress progress(Progress.Style style, long total, boolean bytes) {
        return new Progress(new PrintWriter(written), style, "export", total, bytes, nanos::get);
    }

    @Test
    void aBarIsRedrawnInPlaceWithCountRateAndTimeLeft() {
        try (Progress progress = progress(Progress.Style.BAR, 4_000_000, true).alsoCounting("links", 400)) {
            nanos.set(2_000_000_000L);
            progress.advanceSecond(100);
            progress.advance(1_000_000);
        }

        assertThat(written.toString()).startsWith("\rexport [######..................] 1.0 MB of 4.0 MB (25%), "
                + "100 of 400 links, 500.0 kB/s, about 6 s left").endsWith(System.lineSeparator());
    }

    @Test
    void linesAreWrittenNowAndThenAndOnceAtTheEnd() {
        try (Progress progress = progress(Progress.Style.LINES, -1, false)) {
            nanos.set(1_000_000_000L);
            progress.advance(10);
            nanos.set(2_500_000_000L);
            progress.advance(20);
        }

        assertThat(written.toString().lines()).containsExactly("export: 30, 12/s", "export: 30, 12/s, done");
    }

    @Test
    void withoutATotalThereIsNoBarAndNoTimeLeft() {
        try (Progress progress = progress(Progress.Style.BAR, -1, true)) {
            nanos.set(1_000_000_000L);
            progress.advance(2_500);
        }

        String[] redraws = written.toString().split("\r");
        assertThat(redraws[redraws.length - 1]).isEqualTo("export 2.5 kB, 2.5 kB/s" + System.lineSeparator());
    }

    @Test
    void noneWritesNothing() {
        try (Progress progress = progress(Progress.Style.NONE, 10, false)) {
            nanos.set(5_000_000_000L);
            progress.advance(5);
        }

        assertThat(written.toString()).isEmpty();
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(Progress.duration(59)).isEqualTo("59 s");
        assertThat(Progress.duration(61)).isEqualTo("1:01 min");
        assertThat(Progress.duration(3_720)).isEqualTo("1:02 h");
    }
}
