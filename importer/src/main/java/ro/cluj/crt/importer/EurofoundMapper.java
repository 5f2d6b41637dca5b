package ro.cluj.crt.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps a Eurofound PolicyWatch row: one measure of the first actor listed, the other actors as partner kinds, the
 * category as field, and the case's citation and factsheet as its source.
 */
final class EurofoundMapper implements RecordMapper {

    static final String SOURCE = "eurofound-policywatch";
    static final List<String> COLUMNS = List.of("Identifier", "Title", "Country", "Start date", "End date",
            "Category", "Subcategory", "Case added", "Background information", "Content of measure",
            "Use of measure", "Actors", "Target groups", "Sectors", "Sources");

    private static final String FACTSHEETS = "https://static.eurofound.europa.eu/covid19db/cases/";
    private static final String LICENCE = "© European Foundation for the Improvement of Living and Working"
            + " Conditions (Eurofound); reproduction is authorised provided the source is acknowledged";
    private static final SourceRecord.DatePattern DATE = new SourceRecord.DatePattern(
            DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT), "mm/dd/yyyy");
    /** A NACE entry starts with its code, such as {@code C13} or {@code A1}. */
    private static final Pattern NACE_ENTRY = Pattern.compile("[A-U][0-9]{1,2}\\b.*", Pattern.DOTALL);

    @Override
    public Submission map(SourceRecord record) throws BadRecordException {
        String identifier = record.required("Identifier");
        String country = record.required("Country");
        List<String> actors = distinct(record.list("Actors"));
        if (actors.isEmpty()) {
            throw new BadRecordException("column 'Actors' is empty, so no organisation took the measure");
        }
        LocalDate added = record.requiredDate("Case added", DATE);
        Bodies.Measure measure = measure(record, actors.subList(1, actors.size()));
        Bodies.Interview interview = new Bodies.Interview(added, Bodies.CHANNEL, Bodies.CONSENT,
                source(identifier, record.text("Title"), added), new Bodies.ExternalReference(SOURCE, identifier),
                List.of(measure));
        Bodies.Organisation organisation = ActorKind.of(actors.getFirst()).organisation(country, identifier);
        return new Submission(record.where(), organisation, interview);
    }

    private static Bodies.Measure measure(SourceRecord record, List<String> partners) throws BadRecordException {
        LocalDate start = record.date("Start date", DATE);
        LocalDate end = record.date("End date", DATE);
        Periods.check(start, end, "End date");
        String category = record.text("Category");
        return new Bodies.Measure(record.text("Title"), FieldRules.forCategory(category),
                detail(category, record.text("Subcategory")), description(record), record.list("Target groups"),
                start, end, partners, record.text("Use of measure"), industries(record.list("Sectors")),
                record.list("Sources"));
    }

    private static String description(SourceRecord record) throws BadRecordException {
        String content = record.text("Content of measure");
        if (content != null) {
            return content;
        }
        // a measure must have a description; when Eurofound left the content empty its background is the only
        // account of the measure there is
        String background = record.text("Background information");
        if (background == null) {
            throw new BadRecordException("columns 'Content of measure' and 'Background information' are empty,"
                    + " and a measure needs a description");
        }
        return background;
    }

    private static String detail(String category, String subcategory) {
        if (category == null || subcategory == null) {
            return category == null ? subcategory : category;
        }
        return category + " — " + subcategory;
    }

    /**
     * NACE entries, one per code. Some NACE titles hold {@code "; "} themselves ("O84 Public administration and
     * defence; compulsory social security"), so a part that does not start with a code continues the entry before.
     */
    static List<String> industries(List<String> parts) {
        List<String> entries = new ArrayList<>();
        for (String part : parts) {
            if (entries.isEmpty() || NACE_ENTRY.matcher(part).matches()) {
                entries.add(part);
            } else {
                entries.add(entries.removeLast() + "; " + part);
            }
        }
        return entries;
    }

    static String factsheet(String identifier) {
        return FACTSHEETS + identifier.replace('/', '_') + ".html";
    }

    private static Bodies.Source source(String identifier, String title, LocalDate added) {
        String citation = "Eurofound (" + added.getYear() + "), " + (title == null ? "" : title + ", ")
                + "measure " + identifier + ", COVID-19 EU PolicyWatch, Dublin, " + factsheet(identifier);
        return new Bodies.Source("Eurofound COVID-19 EU PolicyWatch", factsheet(identifier), citation, LICENCE);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
