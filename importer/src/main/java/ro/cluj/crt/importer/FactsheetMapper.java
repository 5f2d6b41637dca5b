package ro.cluj.crt.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the Eurofound factsheet updates (one row per dated update of a Romanian measure) to monitored measures: one
 * commitment of the national government of Romania per measure, one progress report per dated update. The
 * {@code Author} column names a person and is never read.
 */
final class FactsheetMapper {

    static final List<String> COLUMNS = List.of("Identifier", "Title", "Title (national language)", "Context",
            "Time period", "Type", "Category", "Subcategory", "Measure added", "Updates count", "Update no",
            "Update date", "Update text", "Factsheet URL");
    /** The file holds Romanian cases only (SOURCES.md). */
    static final String COUNTRY = "Romania";
    /** The file does not say what kind of commitment a measure is; every one is taken as improving a measure. */
    static final String KIND = "improve-measure";
    /** The file gives no status with an update, and the API needs one: every update is taken as on track. */
    static final String STATUS = "on-track";
    static final String ID_PREFIX = "ef-";

    /** The columns that describe the measure, and so must be the same on every row of one measure. */
    private static final List<String> MEASURE_COLUMNS = List.of("Title", "Title (national language)", "Context",
            "Time period", "Type", "Category", "Subcategory", "Measure added", "Updates count", "Factsheet URL");
    private static final SourceRecord.DatePattern DATE = new SourceRecord.DatePattern(
            DateTimeFormatter.ofPattern("dd MMMM uuuu", Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT),
            "dd Month yyyy");
    private static final String DAY = "(\\d{2} \\p{L}+ \\d{4})";
    private static final Pattern OPEN_ENDED = Pattern.compile("Open ended, started on " + DAY);
    private static final Pattern TEMPORARY = Pattern.compile("Temporary, " + DAY + " [–-] " + DAY);
    private static final Pattern ADDED = Pattern.compile(DAY + "( \\(updated .*\\))?");
    private static final Pattern NOT_IN_ID = Pattern.compile("[^A-Za-z0-9_-]");
    private static final int MAX_ID = 64;
    private static final String LICENCE = "© European Foundation for the Improvement of Living and Working"
            + " Conditions (Eurofound); reproduction is authorised provided the source is acknowledged.";

    private FactsheetMapper() {
    }

    /** What the rows of a file become, and the rows that could not be mapped. */
    record Result(List<MonitoredMeasure> measures, List<BadRecord> bad) {
    }

    static Result map(List<SourceRecord> records) {
        Map<String, List<SourceRecord>> byMeasure = new LinkedHashMap<>();
        List<BadRecord> bad = new ArrayList<>();
        for (SourceRecord record : records) {
            String identifier = record.text("Identifier");
            if (identifier == null) {
                bad.add(new BadRecord(record.where(), "column 'Identifier' is empty"));
            } else {
                byMeasure.computeIfAbsent(identifier, key -> new ArrayList<>()).add(record);
            }
        }
        List<MonitoredMeasure> measures = new ArrayList<>();
        for (Map.Entry<String, List<SourceRecord>> measure : byMeasure.entrySet()) {
            List<SourceRecord> rows = measure.getValue();
            try {
                measures.add(measure(measure.getKey(), rows));
            } catch (BadRecordException e) {
                rows.forEach(row -> bad.add(new BadRecord(row.where(), "measure " + measure.getKey() + ": "
                        + e.getMessage())));
            }
        }
        return new Result(measures, bad);
    }

    /** The commitment id of a measure: its identifier with every character the API does not take as '-'. */
    static String commitmentId(String identifier) throws BadRecordException {
        String id = ID_PREFIX + NOT_IN_ID.matcher(identifier).replaceAll("-");
        if (id.length() > MAX_ID) {
            throw new BadRecordException("the identifier is too long for a commitment id");
        }
        return id;
    }

    private static MonitoredMeasure measure(String identifier, List<SourceRecord> rows) throws BadRecordException {
        SourceRecord first = rows.getFirst();
        for (SourceRecord row : rows) {
            for (String column : MEASURE_COLUMNS) {
                if (!Objects.equals(first.text(column), row.text(column))) {
                    throw new BadRecordException("column '" + column + "' differs between its rows");
                }
            }
        }
        List<MonitoredMeasure.Update> updates = new ArrayList<>();
        for (SourceRecord row : rows) {
            LocalDate date = row.date("Update date", DATE);
            String text = row.text("Update text");
            if (date == null && text != null) {
                throw new BadRecordException("an update has text but no date (record " + row.where().record() + ")");
            }
            if (date != null) {
                if (text == null) {
                    throw new BadRecordException("the update of " + date + " has no text");
                }
                updates.add(new MonitoredMeasure.Update(row.where(), new Bodies.Progress(STATUS, text, date)));
            }
        }
        updates.sort((a, b) -> a.progress().reportedFor().compareTo(b.progress().reportedFor()));
        String title = first.required("Title");
        String period = first.required("Time period");
        LocalDate start = date(period, 1, "Time period", OPEN_ENDED, TEMPORARY);
        LocalDate end = TEMPORARY.matcher(period).matches() ? date(period, 2, "Time period", TEMPORARY) : null;
        LocalDate target = end != null ? end : latest(start, updates);
        Periods.check(start, target, "Time period");
        String category = first.text("Category");
        Bodies.Commitment commitment = new Bodies.Commitment(commitmentId(identifier), null, title,
                description(identifier, first), FieldRules.forCategory(category), KIND, start, target);
        Bodies.Organisation lead = ActorKind.of(ActorKind.NATIONAL_GOVERNMENT).organisation(COUNTRY, identifier);
        return new MonitoredMeasure(first.where(), lead, commitment, List.copyOf(updates));
    }

    /** Without an end, the measure is planned to run until its last update, or its start when it has none. */
    private static LocalDate latest(LocalDate start, List<MonitoredMeasure.Update> updates) {
        return updates.isEmpty() ? start : max(start, updates.getLast().progress().reportedFor());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate date(String value, int group, String column, Pattern... patterns)
            throws BadRecordException {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(value);
            if (matcher.matches()) {
                return SourceRecord.parse(column, matcher.group(group), DATE);
            }
        }
        throw new BadRecordException("column '" + column + "': '" + value + "' is neither 'Open ended, started on"
                + " dd Month yyyy' nor 'Temporary, dd Month yyyy – dd Month yyyy'");
    }

    /** The file's own words about the measure, copied, with the citation its terms ask for. */
    private static String description(String identifier, SourceRecord row) throws BadRecordException {
        List<String> lines = new ArrayList<>();
        line(lines, "Context", row.text("Context"));
        line(lines, "Type", row.text("Type"));
        line(lines, "Category", row.text("Category"));
        line(lines, "Subcategory", row.text("Subcategory"));
        line(lines, "Title (Romanian)", row.text("Title (national language)"));
        String added = row.text("Measure added");
        line(lines, "Measure added", added);
        // the citation names the year the case was added; when the file does not say, it names none
        String year = "";
        if (added != null) {
            Matcher addedOn = ADDED.matcher(added);
            if (!addedOn.matches()) {
                throw new BadRecordException("column 'Measure added': '" + added + "' does not start with a date");
            }
            year = " (" + SourceRecord.parse("Measure added", addedOn.group(1), DATE).getYear() + ")";
        }
        String factsheet = row.text("Factsheet URL") != null ? row.text("Factsheet URL")
                : EurofoundMapper.factsheet(identifier);
        lines.add("Source: Eurofound" + year + ", " + row.required("Title") + ", measure " + identifier
                + ", COVID-19 EU PolicyWatch, Dublin, " + factsheet + ". " + LICENCE);
        return String.join("\n", lines);
    }

    private static void line(List<String> lines, String label, String value) {
        if (value != null) {
            lines.add(label + ": " + value);
        }
    }
}
