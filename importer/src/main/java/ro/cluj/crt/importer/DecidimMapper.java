package ro.cluj.crt.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the rows of a Decidim accountability results export (the 0.28/0.29 columns; the tracker's own Decidim export
 * has them too) to commitments of one organisation, named on the command line. A result keeps its id, so a second
 * import of the same file updates the same commitments: a tracker id stays as it is, Decidim's number N becomes
 * {@code decidim-N}. Every bad column of a row is reported, not only the first. Parent, scope, address, creation
 * time, component and linked proposals are not read.
 */
final class DecidimMapper {

    /** The columns every Decidim results export has, whatever its locales. */
    static final List<String> COLUMNS = List.of("id", "parent/id", "start_date", "end_date", "status/key",
            "progress");
    static final String ID_PREFIX = "decidim-";
    /** Decidim ids are numbers; tracker ids 1 to 64 letters, digits, '-' or '_' (ro.cluj.crt.events.Identifiers). */
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern TRACKER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** A language column: the prefix, then a locale code and nothing more (no machine translations). */
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");
    /** Decidim 0.29 puts a quote before a value starting with one of these, so that a spreadsheet shows it as text. */
    private static final Pattern SPREADSHEET_QUOTED = Pattern.compile("'[=+\\-@].*", Pattern.DOTALL);
    private static final SourceRecord.DatePattern DATE = new SourceRecord.DatePattern(
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            "yyyy-mm-dd");
    static final int MAX_TITLE = 500;
    private static final int MAX_PROGRESS = 100;

    private DecidimMapper() {
    }

    /** What the rows of a file become, and the rows that could not be mapped. */
    record Result(List<DecidimResult> results, List<BadRecord> bad) {
    }

    static Result map(List<String> header, List<SourceRecord> records, DecidimSettings settings) {
        List<DecidimResult> results = new ArrayList<>();
        List<BadRecord> bad = new ArrayList<>();
        Map<String, RecordLocation> seen = new HashMap<>();
        Bodies.Organisation lead = organisation(settings.organisation());
        for (SourceRecord record : records) {
            try {
                DecidimResult result = result(header, record, settings, lead);
                RecordLocation earlier = seen.putIfAbsent(result.id(), record.where());
                if (earlier != null) {
                    throw new BadRecordException("commitment " + result.id() + " is already given by record "
                            + earlier.record() + " (line " + earlier.line() + ")");
                }
                results.add(result);
            } catch (BadRecordException e) {
                bad.add(new BadRecord(record.where(), e.getMessage()));
            }
        }
        return new Result(results, bad);
    }

    /** The organisation whose results the file holds: registered once, known again by its name. */
    static Bodies.Organisation organisation(String name) {
        return name == null ? null : new Bodies.Organisation(name, Sector.PUBLIC_AUTHORITY, null, null,
                new Bodies.ExternalReference(ActorKind.ORGANISATION_SOURCE, "decidim | " + name));
    }

    /** The commitment id of a result id, or why there is none. */
    static String commitmentId(String id) throws BadRecordException {
        if (id == null) {
            throw new BadRecordException("column 'id' is empty: a result needs its id, so that a later import"
                    + " updates it");
        }
        String commitmentId = NUMBER.matcher(id).matches() ? ID_PREFIX + id : id;
        if (!TRACKER_ID.matcher(commitmentId).matches()) {
            throw new BadRecordException("column 'id': '" + id + "' is neither a Decidim number nor a tracker id"
                    + " (1 to 64 letters, digits, '-' or '_')");
        }
        return commitmentId;
    }

    private static DecidimResult result(List<String> header, SourceRecord row, DecidimSettings settings,
                                        Bodies.Organisation lead) throws BadRecordException {
        List<String> problems = new ArrayList<>();
        String id = attempt(problems, () -> commitmentId(row.text("id")));
        String title = translated(header, row, "title", settings.locale());
        if (title == null) {
            problems.add("no column 'title/<locale>' has a title");
        } else if (title.length() > MAX_TITLE) {
            problems.add("the title has " + title.length() + " characters, the tracker takes at most " + MAX_TITLE);
        }
        String description = translated(header, row, "description", settings.locale());
        LocalDate start = attempt(problems, () -> requiredDate(row, "start_date", "start date"));
        LocalDate target = attempt(problems, () -> requiredDate(row, "end_date", "target date"));
        if (start != null && target != null) {
            attempt(problems, () -> {
                Periods.check(start, target, "end_date");
                return null;
            });
        }
        Integer progress = attempt(problems, () -> progress(row.text("progress")));
        if (!problems.isEmpty()) {
            throw new BadRecordException(String.join("; ", problems));
        }
        Bodies.Commitment commitment = new Bodies.Commitment(id, null, title, description,
                field(header, row, settings.locale()), settings.kind(), start, target);
        return new DecidimResult(row.where(), lead, commitment, progress, closing(row.text("status/key")));
    }

    private static LocalDate requiredDate(SourceRecord row, String column, String what) throws BadRecordException {
        if (row.text(column) == null) {
            throw new BadRecordException("column '" + column + "' is empty: the tracker needs a " + what);
        }
        return row.requiredDate(column, DATE);
    }

    /** A percentage from 0 to 100 (Decidim writes it as a decimal such as 25.0), rounded to a whole number. */
    static Integer progress(String value) throws BadRecordException {
        if (value == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new BadRecordException("column 'progress': '" + value + "' is not a number");
        }
        if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(MAX_PROGRESS)) > 0) {
            throw new BadRecordException("column 'progress': " + value + " is not between 0 and 100");
        }
        return number.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private static DecidimResult.Closing closing(String key) {
        if (key == null) {
            return DecidimResult.Closing.NONE;
        }
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "fulfilled" -> DecidimResult.Closing.FULFIL;
            case "abandoned" -> DecidimResult.Closing.ABANDON;
            default -> DecidimResult.Closing.NONE;
        };
    }

    /** The field named by the category, in the preferred locale first; "other" when no name is a field's. */
    private static Field field(List<String> header, SourceRecord row, String locale) {
        for (String column : preferred(header, "category/name", locale)) {
            var field = Field.named(row.text(column));
            if (field.isPresent()) {
                return field.get();
            }
        }
        return Field.OTHER;
    }

    /** The text in the preferred locale, else Romanian, else the first locale with one; {@code null} when none. */
    static String translated(List<String> header, SourceRecord row, String prefix, String locale) {
        for (String column : preferred(header, prefix, locale)) {
            String value = unquoted(row.text(column));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The language columns of a prefix: the locale asked for, then Romanian, then the others in header order. */
    private static List<String> preferred(List<String> header, String prefix, String locale) {
        List<String> columns = new ArrayList<>();
        for (String column : header) {
            if (column.startsWith(prefix + "/") && LOCALE.matcher(column.substring(prefix.length() + 1)).matches()) {
                columns.add(column);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String wanted : List.of(prefix + "/" + locale, prefix + "/ro")) {
            if (columns.remove(wanted)) {
                ordered.add(wanted);
            }
        }
        ordered.addAll(columns);
        return ordered;
    }

    /** The value without the quote Decidim 0.29 puts before a value that a spreadsheet would take as a formula. */
    private static String unquoted(String value) {
        return value != null && SPREADSHEET_QUOTED.matcher(value).matches() ? value.substring(1) : value;
    }

    private static <T> T attempt(List<String> problems, Step<T> step) {
        try {
            return step.get();
        } catch (BadRecordException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** One reading of a row that may find a bad column. */
    private interface Step<T> {

        T get() throws BadRecordException;
    }
}
