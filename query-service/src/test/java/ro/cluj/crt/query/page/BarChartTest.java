package ro.cluj.crt.query.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void theLongestBarFillsTheWidthLeftForItsValueAndTheOthersAreInProportion() {
        BarChart chart = BarChart.of("c", "title", "description", List.of("field", "actors"), List.of(
                new BarChart.Value("a", "A", 58, List.of("58")), new BarChart.Value("b", "B", 29, List.of("29")),
                new BarChart.Value("c", "C", 0, List.of("0"))));

        assertThat(chart.bars()).extracting(BarChart.Bar::barWidth).containsExactly(264.0, 132.0, 0.0);
        assertThat(chart.bars()).extracting(BarChart.Bar::valueX).containsExactly(270.0, 138.0, 6.0);
        assertThat(chart.bars().get(1).barY()).isGreaterThan(chart.bars().get(0).barY() + 14);
        assertThat(chart.height()).isGreaterThan(chart.bars().get(2).barY() + 14);
    }

    @Test
    void aLongLabelIsWrappedOntoLinesOfWholeWordsAndPushesTheBarDown() {
        String label = "Civil society (NGOs, associations, trade unions, employer organisations, social partners)";
        BarChart chart = BarChart.of("c", "title", "description", List.of("sector"), List.of(
                new BarChart.Value("civil-society", label, 21, List.of("21"))));

        List<BarChart.Line> lines = chart.bars().getFirst().lines();
        assertThat(lines).hasSize(3);
        assertThat(String.join(" ", lines.stream().map(BarChart.Line::text).toList())).isEqualTo(label);
        assertThat(lines).allSatisfy(line -> assertThat(line.text().length()).isLessThanOrEqualTo(38));
        assertThat(chart.bars().getFirst().barY()).isGreaterThan(lines.getLast().y());
    }

    @Test
    void withoutValuesTheChartIsEmpty() {
        assertThat(BarChart.of("c", "title", "description", List.of(), List.of()).empty()).isTrue();
    }
}
