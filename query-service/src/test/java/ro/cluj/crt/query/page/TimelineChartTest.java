package ro.cluj.crt.query.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineChartTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate TARGET = LocalDate.of(2028, 1, 1);

    @Test
    void stepsSitAtTheirDatesBetweenStartAndTargetAndProgressIsRaisedToItsPercentage() {
        TimelineChart chart = TimelineChart.of("t", "d", START, TARGET, LocalDate.of(2027, 1, 1), "start", "target",
                "today", List.of(new TimelineChart.Step(0, "CommitmentMade", START, null, "made"),
                        new TimelineChart.Step(1, "ProgressReported", LocalDate.of(2027, 1, 1), 40, "40%")));

        assertThat(chart.marks()).extracting(TimelineChart.Mark::x).containsExactly(16.0, 200.0);
        assertThat(chart.marks()).extracting(TimelineChart.Mark::y)
                .containsExactly((double) TimelineChart.AXIS_Y, TimelineChart.AXIS_Y - 40.0);
        assertThat(chart.progressLine()).isEqualTo("200.0,90.0");
        assertThat(chart.start().x()).isEqualTo(16.0);
        assertThat(chart.target().x()).isEqualTo(384.0);
        assertThat(chart.target().anchor()).isEqualTo("end");
        assertThat(chart.today().x()).isEqualTo(200.0);
        assertThat(chart.ticks()).extracting(TimelineChart.Tick::label).containsExactly("2027", "2028");
    }

    @Test
    void aStepAfterTheTargetWidensTheAxisAndTodayOutsideItIsNotDrawn() {
        TimelineChart chart = TimelineChart.of("t", "d", START, START.plusDays(10), START.plusYears(5), "start",
                "target", "today", List.of(new TimelineChart.Step(3, "ProgressReported", START.plusDays(20), null,
                        "late report")));

        assertThat(chart.marks().getFirst().x()).isEqualTo(384.0);
        assertThat(chart.target().x()).isEqualTo(200.0);
        assertThat(chart.today()).isNull();
        assertThat(chart.ticks()).extracting(TimelineChart.Tick::label)
                .containsExactly("2026-01-01", "2026-01-21");
    }
}
