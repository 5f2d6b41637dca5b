package ro.cluj.crt.query.page;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A commitment's steps on a line of time, laid out here and drawn by the template as inline SVG: a date axis from its
 * start (or first step) to its target date (or last step), each step a mark at its date, progress reports that give a
 * percentage raised to that height, the start, the target and today as vertical lines.
 *
 * @param progressLine the points of the progress reports with a percentage, for an SVG polyline; empty when none
 */
public record TimelineChart(String title, String description, List<Tick> ticks, List<Mark> marks,
                            String progressLine, Line start, Line target, Line today) {

    public static final int WIDTH = 400;
    public static final int HEIGHT = 170;
    /** Where the axis runs; a progress of p percent is drawn p units above it. */
    public static final int AXIS_Y = 130;
    private static final int PAD = 16;
    private static final int MAX_TICKS = 8;

    /** A step to draw: its date, and a percentage for a progress report that gives one. */
    public record Step(long sequence, String type, LocalDate date, Integer percentage, String label) {
    }

    public record Mark(long sequence, String type, LocalDate date, Integer percentage, String label, double x,
                       double y) {
    }

    /** @param anchor how the label sits on its tick: {@code start}, {@code middle} or {@code end} */
    public record Tick(double x, String label, String anchor) {
    }

    /**
     * A vertical line at a date, null when the date is unknown or outside the drawing.
     *
     * @param anchor how its label sits, so that it stays inside the drawing
     */
    public record Line(double x, LocalDate date, String label, String anchor) {
    }

    public static TimelineChart of(String title, String description, LocalDate startDate, LocalDate targetDate,
                                   LocalDate today, String startLabel, String targetLabel, String todayLabel,
                                   List<Step> steps) {
        LocalDate from = startDate;
        LocalDate to = targetDate;
        for (Step step : steps) {
            from = from == null || step.date().isBefore(from) ? step.date() : from;
            to = to == null || step.date().isAfter(to) ? step.date() : to;
        }
        if (from == null) {
            from = today;
            to = today;
        }
        if (!to.isAfter(from)) {
            to = from.plusDays(1);
        }
        Scale scale = new Scale(from, to);
        List<Mark> marks = new ArrayList<>();
        for (Step step : steps) {
            double y = step.percentage() == null ? AXIS_Y : AXIS_Y - step.percentage();
            marks.add(new Mark(step.sequence(), step.type(), step.date(), step.percentage(), step.label(),
                    scale.x(step.date()), y));
        }
        String progress = marks.stream().filter(mark -> mark.percentage() != null)
                .map(mark -> mark.x() + "," + mark.y()).collect(Collectors.joining(" "));
        return new TimelineChart(title, description, scale.ticks(), List.copyOf(marks), progress,
                scale.line(startDate, startLabel), scale.line(targetDate, targetLabel),
                scale.line(today, todayLabel));
    }

    private record Scale(LocalDate from, LocalDate to) {

        double x(LocalDate date) {
            double days = ChronoUnit.DAYS.between(from, to);
            return Math.round((PAD + (WIDTH - 2 * PAD) * ChronoUnit.DAYS.between(from, date) / days) * 10) / 10.0;
        }

        Line line(LocalDate date, String label) {
            if (date == null || date.isBefore(from) || date.isAfter(to)) {
                return null;
            }
            double x = x(date);
            return new Line(x, date, label, x < WIDTH / 3.0 ? "start" : x > WIDTH * 2 / 3.0 ? "end" : "middle");
        }

        /** The first day of every year (or every few years) inside the range, else the range's two ends. */
        List<Tick> ticks() {
            int years = to.getYear() - from.getYear();
            int every = Math.max(1, (years + MAX_TICKS - 1) / MAX_TICKS);
            List<Tick> ticks = new ArrayList<>();
            for (int year = from.getYear() + 1; year <= to.getYear(); year += every) {
                ticks.add(new Tick(x(LocalDate.of(year, 1, 1)), Integer.toString(year), "middle"));
            }
            if (ticks.isEmpty()) {
                ticks.add(new Tick(x(from), from.toString(), "start"));
                ticks.add(new Tick(x(to), to.toString(), "end"));
            }
            return ticks;
        }
    }
}
