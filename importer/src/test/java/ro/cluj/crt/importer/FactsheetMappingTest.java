package ro.cluj.crt.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mapping of the real Eurofound factsheet updates in {@code data/} to commitments and progress reports. */
class FactsheetMappingTest {

    static final Path FACTSHEETS = Path.of("../data/eurofound_policywatch_romania_factsheet_updates_2024-10.csv");

    private static CsvFile csv;
    private static MappedFile file;

    @BeforeAll
    static void mapTheFile() throws IOException {
        csv = CsvFile.read(FACTSHEETS);
        file = MappedFile.map(csv);
    }

    @Test
    void eightyThreeMeasuresWithOneReportPerDatedUpdate() {
        assertThat(file.dataSet()).isEqualTo(DataSet.FACTSHEET_UPDATES);
        assertThat(file.bad()).isEmpty();
        assertThat(file.submissions()).isEmpty();
        assertThat(file.recordCount()).isEqualTo(97);
        assertThat(file.measures()).hasSize(83);
        long datedRows = csv.records().stream().filter(row -> row.text("Update date") != null).count();
        assertThat(datedRows).isEqualTo(43);
        assertThat(file.measures().stream().mapToLong(measure -> measure.updates().size()).sum())
                .isEqualTo(datedRows);
        for (MonitoredMeasure measure : file.measures()) {
            String count = csv.records().stream()
                    .filter(row -> measure.id().equals(FactsheetMapperIds.of(row.text("Identifier"))))
                    .map(row -> row.text("Updates count")).findFirst().orElseThrow();
            assertThat(measure.updates()).as(measure.id()).hasSize(Integer.parseInt(count));
        }
    }

    @Test
    void everyDatedUpdateIsAnOnTrackReportOfItsDateAndText() {
        SourceRecord row = csv.records().getFirst();
        MonitoredMeasure first = file.measures().getFirst();
        assertThat(first.id()).isEqualTo("ef-RO-1998-1-2503");
        assertThat(first.updates()).singleElement().satisfies(update -> {
            assertThat(update.progress().reportedFor()).isEqualTo(LocalDate.of(2022, 1, 1));
            assertThat(update.progress().note()).isEqualTo(row.text("Update text")).startsWith("The monthly social");
            assertThat(update.progress().status()).isEqualTo("on-track");
            assertThat(update.where().record()).isEqualTo(1);
        });
        List<MonitoredMeasure.Update> all = file.measures().stream().flatMap(m -> m.updates().stream()).toList();
        assertThat(all).allSatisfy(update -> {
            assertThat(update.progress().reportedFor()).isBetween(LocalDate.of(2015, 1, 1), LocalDate.of(2024, 10, 31));
            assertThat(update.progress().note()).isNotBlank().hasSizeLessThanOrEqualTo(32_000);
        });
        for (MonitoredMeasure measure : file.measures()) {
            Set<MonitoredMeasure.Reported> keys = new HashSet<>();
            measure.updates().forEach(update -> assertThat(keys.add(update.key())).isTrue());
        }
    }

    @Test
    void theTimePeriodGivesThePlannedSpan() {
        Bodies.Commitment temporary = commitment("ef-RO-2020-12-373");
        Bodies.Commitment open = file.measures().getFirst().commitment();
        assertThat(open.startDate()).isEqualTo(LocalDate.of(1998, 1, 1));
        // open ended: planned until the last update (01 January 2022), as the start is earlier
        assertThat(open.targetDate()).isEqualTo(LocalDate.of(2022, 1, 1));
        // "Temporary, 15 March 2020 – 31 December 2022"
        assertThat(temporary.startDate()).isEqualTo(LocalDate.of(2020, 3, 15));
        assertThat(temporary.targetDate()).isEqualTo(LocalDate.of(2022, 12, 31));
        for (MonitoredMeasure measure : file.measures()) {
            Bodies.Commitment commitment = measure.commitment();
            assertThat(commitment.targetDate()).as(measure.id()).isAfterOrEqualTo(commitment.startDate());
            String period = row(measure).text("Time period");
            if (period.startsWith("Open ended")) {
                LocalDate last = measure.updates().isEmpty() ? commitment.startDate()
                        : measure.updates().getLast().progress().reportedFor();
                assertThat(commitment.targetDate()).isEqualTo(last.isAfter(commitment.startDate()) ? last
                        : commitment.startDate());
            } else {
                assertThat(period).startsWith("Temporary, ");
            }
        }
        assertThat(file.measures()).filteredOn(m -> row(m).text("Time period").startsWith("Temporary")).hasSize(46)
                .anySatisfy(m -> assertThat(m.commitment().targetDate()).isEqualTo(LocalDate.of(2027, 6, 30)));
    }

    @Test
    void everyCommitmentIsTheNationalGovernmentsWithAStableIdAndTheCategoryAsField() {
        Bodies.Organisation government = new Bodies.Organisation("National government (Romania)",
                Sector.PUBLIC_AUTHORITY, AuthorityLevel.NATIONAL, "Romania",
                new Bodies.ExternalReference(ActorKind.ORGANISATION_SOURCE, "National government | Romania"));
        assertThat(file.measures()).extracting(MonitoredMeasure::lead).containsOnly(government);
        assertThat(file.measures()).extracting(MonitoredMeasure::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("ef-[A-Za-z0-9_-]{1,61}"));
        assertThat(file.measures()).extracting(m -> m.commitment().kind()).containsOnly("improve-measure");
        assertThat(file.measures()).allSatisfy(m -> {
            assertThat(m.commitment().field()).isEqualTo(FieldRules.forCategory(row(m).text("Category")));
            assertThat(m.commitment().title()).isEqualTo(row(m).text("Title")).hasSizeLessThanOrEqualTo(500);
            assertThat(m.commitment().description()).contains("Source: Eurofound", row(m).text("Identifier"),
                    row(m).text("Factsheet URL"));
        });
        assertThat(file.measures()).filteredOn(m -> m.commitment().field() == Field.ECONOMIC_RECOVERY).isEmpty();
        assertThat(file.measures()).filteredOn(m -> m.commitment().field() == Field.OTHER).hasSize(17 + 1 + 1);
    }

    @Test
    void noRequestHoldsTheAuthor() throws IOException {
        ObjectMapper json = Importer.json();
        List<String> requests = new ArrayList<>();
        for (MonitoredMeasure measure : file.measures()) {
            requests.add(json.writeValueAsString(measure.lead()));
            requests.add(json.writeValueAsString(measure.commitmentOf("lead-id")));
            for (MonitoredMeasure.Update update : measure.updates()) {
                requests.add(json.writeValueAsString(update.progress()));
            }
        }
        Set<String> authors = new HashSet<>();
        for (SourceRecord row : csv.records()) {
            String author = row.text("Author");
            if (author != null) {
                authors.add(author);
                // the people named: the text outside brackets, without the co-author Eurofound
                String people = author.replaceAll("\\([^)]*\\)", "").replace(" and Eurofound", "");
                for (String person : people.split(",")) {
                    authors.add(person.strip());
                }
            }
        }
        assertThat(authors).contains("Nicoleta Voicu", "Victoria Stoiciu", "Simona Ghita", "Raluca Dimitriu");
        assertThat(requests).hasSize(83 * 2 + 43);
        for (String author : authors) {
            assertThat(requests).as(author).noneMatch(request -> request.contains(author));
        }
        assertThat(requests).noneMatch(request -> request.contains("\"Author\"") || request.contains("\"author\""));
    }

    private static Bodies.Commitment commitment(String id) {
        return file.measures().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow().commitment();
    }

    private static SourceRecord row(MonitoredMeasure measure) {
        return csv.records().stream().filter(r -> Objects.equals(r.where(), measure.where())).findFirst()
                .orElseThrow();
    }

    /** The commitment id of an identifier, without the checked exception. */
    private static final class FactsheetMapperIds {

        static String of(String identifier) {
            try {
                return FactsheetMapper.commitmentId(identifier);
            } catch (BadRecordException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
