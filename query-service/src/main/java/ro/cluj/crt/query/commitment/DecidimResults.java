package ro.cluj.crt.query.commitment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import ro.cluj.crt.events.api.CommitmentSummary;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.query.config.CsvCells;

/**
 * Commitments as Decidim accountability results: the columns Decidim's results exporter writes (versions 0.28 and
 * 0.29) and its results importer reads, separated by semicolons, so a city can upload them into Decidim. The tracker
 * keeps one text per title and description, in the language it was written in; it goes into the column of every
 * locale asked for. The field becomes the category (by name, as Decidim's category ids are its own); the standing
 * becomes the status key; a fulfilled commitment without a reported percentage shows progress 100.
 */
final class DecidimResults {

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final Map<String, String[]> STANDING_NAMES = Map.of(
            "on-track", new String[] {"On track", "Conform planului"},
            "at-risk", new String[] {"At risk", "În risc"},
            "late", new String[] {"Late", "Întârziat"},
            "fulfilled", new String[] {"Fulfilled", "Îndeplinit"},
            "abandoned", new String[] {"Abandoned", "Abandonat"});

    private DecidimResults() {
    }

    /** One result: the commitment's dashboard row, its description and the public address of its timeline. */
    record Result(CommitmentSummary commitment, String description, String url) {
    }

    static String write(List<String> locales, Consumer<Consumer<Result>> source) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader(header(locales)).get();
        try (CSVPrinter printer = format.print(out)) {
            source.accept(result -> {
                try {
                    printer.printRecord(row(locales, result).stream().map(CsvCells::safe).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String[] header(List<String> locales) {
        List<String> columns = new ArrayList<>(List.of("id", "category/id"));
        locales.forEach(locale -> columns.add("category/name/" + locale));
        columns.add("scope/id");
        locales.forEach(locale -> columns.add("scope/name/" + locale));
        columns.add("parent/id");
        locales.forEach(locale -> columns.add("title/" + locale));
        locales.forEach(locale -> columns.add("description/" + locale));
        columns.addAll(List.of("start_date", "end_date", "status/id", "status/key"));
        locales.forEach(locale -> columns.add("status/name/" + locale));
        columns.addAll(List.of("progress", "created_at", "url", "component/id", "proposal_urls"));
        return columns.toArray(String[]::new);
    }

    private static List<Object> row(List<String> locales, Result result) {
        CommitmentSummary c = result.commitment();
        Field field = c.field() == null ? null : Field.fromCode(c.field());
        String[] status = STANDING_NAMES.get(c.standing());
        List<Object> row = new ArrayList<>(List.of(c.commitmentId(), ""));
        locales.forEach(locale -> row.add(field == null ? "" : label(locale, field.english(), field.romanian())));
        row.add("");
        locales.forEach(locale -> row.add(""));
        row.add("");
        locales.forEach(locale -> row.add(c.title()));
        locales.forEach(locale -> row.add(result.description() == null ? "" : result.description()));
        row.addAll(List.of(text(c.startDate()), text(c.targetDate()), "", c.standing()));
        locales.forEach(locale -> row.add(label(locale, status[0], status[1])));
        Integer progress = c.percentage() == null && c.status().equals("fulfilled") ? Integer.valueOf(100)
                : c.percentage();
        row.addAll(List.of(text(progress), CREATED_AT.format(c.madeAt().atOffset(ZoneOffset.UTC)), result.url(), "",
                ""));
        return row;
    }

    private static String label(String locale, String english, String romanian) {
        return locale.equals("ro") ? romanian : english;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
