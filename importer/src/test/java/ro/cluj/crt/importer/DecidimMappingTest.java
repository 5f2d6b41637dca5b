package ro.cluj.crt.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping of Decidim accountability results (0.28/0.29 export columns) to commitments. */
class DecidimMappingTest {

    static final Path FIXTURE = Path.of("src/test/resources/decidim/results-0.28.csv");
    private static final DecidimSettings CITY = new DecidimSettings("en", "improve-measure", "Primăria Cluj-Napoca");
    private static final String HEADER = "id;category/id;category/name/en;category/name/ro;scope/id;parent/id;"
            + "title/en;title/hu;title/ro;title/machine_translations/de;description/en;description/ro;start_date;"
            + "end_date;status/id;status/key;progress;created_at;url;component/id;proposal_urls\n";

    @Test
    void theFixtureIsRecognisedByItsHeaderAndItsGoodRowsBecomeCommitments() throws IOException {
        MappedFile file = MappedFile.read(FIXTURE, CITY);

        assertThat(file.dataSet()).isEqualTo(DataSet.DECIDIM_RESULTS);
        assertThat(file.recordCount()).isEqualTo(6);
        assertThat(file.results()).extracting(DecidimResult::id)
                .containsExactly("decidim-101", "decidim-102", "decidim-105", "cluj-summer-concerts");
        assertThat(file.submissions()).isEmpty();
        assertThat(file.measures()).isEmpty();
    }

    @Test
    void aResultBecomesACommitmentWithItsTextsDatesFieldAndProgress() throws IOException {
        DecidimResult vaccination = MappedFile.read(FIXTURE, CITY).results().getFirst();
        Bodies.Commitment commitment = vaccination.commitment();

        assertThat(commitment.title()).isEqualTo("Vaccination centre in Mănăștur");
        // the quoted value keeps its semicolon and its line break
        assertThat(commitment.description())
                .isEqualTo("Opened with the county hospital; staffed by volunteers.\nOpen on weekends too.");
        assertThat(commitment.startDate()).isEqualTo(LocalDate.of(2021, 2, 1));
        assertThat(commitment.targetDate()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(commitment.field()).isEqualTo(Field.HEALTH);
        assertThat(commitment.kind()).isEqualTo("improve-measure");
        assertThat(commitment.leadOrganisationId()).isNull();
        assertThat(vaccination.progress()).isEqualTo(25);
        assertThat(vaccination.closing()).isEqualTo(DecidimResult.Closing.NONE);
        assertThat(vaccination.where().record()).isEqualTo(1);
        assertThat(vaccination.where().line()).isEqualTo(2);
    }

    @Test
    void theBadRowsAreReportedWithTheirLineAndColumn() throws IOException {
        MappedFile file = MappedFile.read(FIXTURE, CITY);

        assertThat(file.bad()).hasSize(2);
        // the first result's two descriptions hold a line break each: it spans lines 2 to 4
        assertThat(file.bad().get(0).where().line()).isEqualTo(6);
        assertThat(file.bad().get(0).toString())
                .endsWith("record 3 (line 6): column 'start_date': '2021-02-30' is not a date (yyyy-mm-dd)");
        assertThat(file.bad().get(1).where().line()).isEqualTo(7);
        assertThat(file.bad().get(1).reason()).isEqualTo("column 'progress': 150 is not between 0 and 100");
    }

    @Test
    void everyBadColumnOfARowIsReported() throws IOException {
        MappedFile file = map(";;;;;;;;;;;;2021-13-01;;;;abc;;;;\n");

        assertThat(file.results()).isEmpty();
        assertThat(file.bad()).singleElement().extracting(BadRecord::reason).asString()
                .contains("column 'id' is empty")
                .contains("no column 'title/<locale>' has a title")
                .contains("column 'start_date': '2021-13-01' is not a date")
                .contains("column 'end_date' is empty: the tracker needs a target date")
                .contains("column 'progress': 'abc' is not a number");
    }

    @Test
    void aNumericIdGetsThePrefixATrackerIdStaysAndAnyOtherIdIsRefused() throws BadRecordException {
        assertThat(DecidimMapper.commitmentId("101")).isEqualTo("decidim-101");
        assertThat(DecidimMapper.commitmentId("ef-RO-2020-12-373")).isEqualTo("ef-RO-2020-12-373");
        assertThat(DecidimMapper.commitmentId("2b9f_c")).isEqualTo("2b9f_c");
        assertThatThrownBy(() -> DecidimMapper.commitmentId("result 7")).hasMessageContaining("column 'id'");
        assertThatThrownBy(() -> DecidimMapper.commitmentId("x".repeat(65))).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> DecidimMapper.commitmentId("1".repeat(57))).hasMessageContaining("column 'id'");
        assertThatThrownBy(() -> DecidimMapper.commitmentId(null)).hasMessageContaining("column 'id' is empty");
    }

    @Test
    void anIdGivenTwiceMakesTheLaterRowBad() throws IOException {
        MappedFile file = map(row("7", "", "A", "", "", "", "2021-01-01", "2021-02-01", "", "")
                + row("7", "", "B", "", "", "", "2021-01-01", "2021-02-01", "", ""));

        assertThat(file.results()).singleElement().extracting(result -> result.commitment().title()).isEqualTo("A");
        assertThat(file.bad()).singleElement().extracting(BadRecord::reason)
                .isEqualTo("commitment decidim-7 is already given by record 1 (line 2)");
    }

    @Test
    void theTitleIsInTheLocaleAskedForElseRomanianElseTheFirstGiven() throws IOException {
        String all = row("1", "", "Green roofs", "Zöld tetők", "Acoperișuri verzi", "", "2021-01-01", "2021-02-01",
                "", "");
        String noEnglish = row("2", "", "", "Zöld tetők", "Acoperișuri verzi", "", "2021-01-01", "2021-02-01", "",
                "");
        String onlyHungarian = row("3", "", "", "Zöld tetők", "", "", "2021-01-01", "2021-02-01", "", "");

        assertThat(titles(map(all + noEnglish + onlyHungarian)))
                .containsExactly("Green roofs", "Acoperișuri verzi", "Zöld tetők");
        assertThat(titles(map(new DecidimSettings("hu", "improve-measure", "X"), all + noEnglish)))
                .containsExactly("Zöld tetők", "Zöld tetők");
        assertThat(titles(map(new DecidimSettings("ro", "improve-measure", "X"), all)))
                .containsExactly("Acoperișuri verzi");
    }

    @Test
    void machineTranslationsAreNoLocaleAndATitleTooLongIsBad() throws IOException {
        String header = HEADER;
        String onlyMachine = "1;;;;;;;;;Gründächer;;;2021-01-01;2021-02-01;;;;;;;\n";
        MappedFile file = MappedFile.map(CsvFile.parse("machine.csv", header + onlyMachine
                + row("2", "", "x".repeat(501), "", "", "", "2021-01-01", "2021-02-01", "", "")), CITY);

        assertThat(file.bad()).extracting(BadRecord::reason).containsExactly(
                "no column 'title/<locale>' has a title",
                "the title has 501 characters, the tracker takes at most 500");
    }

    @Test
    void theDescriptionFollowsTheSameLocalesAndMayBeEmpty() throws IOException {
        MappedFile file = map(row("1", "", "T", "", "", "", "2021-01-01", "2021-02-01", "", "", "", "Descriere")
                + row("2", "", "T", "", "", "", "2021-01-01", "2021-02-01", "", "", "Description", "Descriere")
                + row("3", "", "T", "", "", "", "2021-01-01", "2021-02-01", "", ""));

        assertThat(file.results()).extracting(result -> result.commitment().description())
                .containsExactly("Descriere", "Description", null);
    }

    @Test
    void aValueQuotedAgainstSpreadsheetFormulasLosesTheQuote() throws IOException {
        MappedFile file = map(row("1", "", "'=SUM is not a formula", "", "", "", "2021-01-01", "2021-02-01", "",
                ""));

        assertThat(titles(file)).containsExactly("=SUM is not a formula");
    }

    @Test
    void theCategoryNamesAFieldByCodeOrLabelInAnyCaseElseOther() throws IOException {
        MappedFile file = map(row("1", "HEALTH", "T", "", "", "", "2021-01-01", "2021-02-01", "", "")
                + row("2", "", "T", "", "", "sprijin social și nevoi de bază", "2021-01-01", "2021-02-01", "", "")
                + row("3", "digital-services", "T", "", "", "", "2021-01-01", "2021-02-01", "", "")
                + row("4", "Parks", "T", "", "", "Parcuri", "2021-01-01", "2021-02-01", "", "")
                + row("5", "Parks", "T", "", "", "Cultură", "2021-01-01", "2021-02-01", "", "")
                + row("6", "", "T", "", "", "", "2021-01-01", "2021-02-01", "", ""));

        assertThat(file.results()).extracting(result -> result.commitment().field()).containsExactly(Field.HEALTH,
                Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS, Field.DIGITAL_SERVICES, Field.OTHER, Field.CULTURE,
                Field.OTHER);
    }

    @Test
    void theKindIsTheOneGivenOnTheCommandLine() throws IOException {
        MappedFile file = map(new DecidimSettings("en", "provide-support", "X"),
                row("1", "", "T", "", "", "", "2021-01-01", "2021-02-01", "", ""));

        assertThat(file.results().getFirst().commitment().kind()).isEqualTo("provide-support");
    }

    @Test
    void bothDatesAreNeededAndTheTargetIsNotBeforeTheStart() throws IOException {
        MappedFile file = map(row("1", "", "T", "", "", "", "", "2021-02-01", "", "")
                + row("2", "", "T", "", "", "", "2021-03-01", "2021-02-01", "", "")
                + row("3", "", "T", "", "", "", "2021-02-01", "01.03.2021", "", ""));

        assertThat(file.bad()).extracting(BadRecord::reason).containsExactly(
                "column 'start_date' is empty: the tracker needs a start date",
                "column 'end_date': 2021-02-01 is before the start 2021-03-01",
                "column 'end_date': '01.03.2021' is not a date (yyyy-mm-dd)");
    }

    @Test
    void progressIsAWholePercentageFromZeroToAHundred() throws BadRecordException {
        assertThat(DecidimMapper.progress("25.0")).isEqualTo(25);
        assertThat(DecidimMapper.progress("33.5")).isEqualTo(34);
        assertThat(DecidimMapper.progress("0")).isZero();
        assertThat(DecidimMapper.progress("100.0")).isEqualTo(100);
        assertThat(DecidimMapper.progress(null)).isNull();
        assertThatThrownBy(() -> DecidimMapper.progress("100.1")).hasMessage(
                "column 'progress': 100.1 is not between 0 and 100");
        assertThatThrownBy(() -> DecidimMapper.progress("-5")).hasMessage(
                "column 'progress': -5 is not between 0 and 100");
        assertThatThrownBy(() -> DecidimMapper.progress("25%")).hasMessage(
                "column 'progress': '25%' is not a number");
    }

    @Test
    void onlyTheKeysFulfilledAndAbandonedCloseTheCommitment() throws IOException {
        MappedFile file = map(row("1", "", "T", "", "", "", "2021-01-01", "2021-02-01", "fulfilled", "")
                + row("2", "", "T", "", "", "", "2021-01-01", "2021-02-01", "abandoned", "")
                + row("3", "", "T", "", "", "", "2021-01-01", "2021-02-01", "in_progress", "")
                + row("4", "", "T", "", "", "", "2021-01-01", "2021-02-01", "", ""));

        assertThat(file.results()).extracting(DecidimResult::closing).containsExactly(DecidimResult.Closing.FULFIL,
                DecidimResult.Closing.ABANDON, DecidimResult.Closing.NONE, DecidimResult.Closing.NONE);
    }

    @Test
    void theLeadIsTheNamedOrganisationKnownAgainByItsName() throws IOException {
        Bodies.Organisation lead = MappedFile.read(FIXTURE, CITY).results().getFirst().lead();

        assertThat(lead.name()).isEqualTo("Primăria Cluj-Napoca");
        assertThat(lead.sector()).isEqualTo(Sector.PUBLIC_AUTHORITY);
        assertThat(lead.externalReference()).isEqualTo(new Bodies.ExternalReference("crt-importer-organisation",
                "decidim | Primăria Cluj-Napoca"));
    }

    @Test
    void commaSeparatedFilesAreStillReadWithCommas() throws IOException {
        CsvFile file = CsvFile.parse("comma.csv", "a,b;c\n1,2;3\n");

        assertThat(file.header()).containsExactly("a", "b;c");
        assertThat(file.records().getFirst().values()).isEqualTo(Map.of("a", "1", "b;c", "2;3"));
    }

    @Test
    void aDecidimFileWithoutItsOrganisationStopsTheRunBeforeAnyRequest(@TempDir Path folder) throws IOException {
        Path copy = Files.copy(FIXTURE, folder.resolve("results.csv"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Importer importer = new Importer(Map.of("CRT_PASSWORD", "x", "CRT_MONITOR_PASSWORD", "y"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        int exit = importer.run("--url", "http://127.0.0.1:9", copy.toString());

        assertThat(exit).isEqualTo(Importer.FATAL);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--decidim-organisation")
                .doesNotContain("cannot reach");
    }

    @Test
    void theDecidimOptionsHaveDefaultsAndAnUnknownKindIsAUsageError() throws Options.UsageException {
        Options defaults = Options.parse("file.csv");
        Options given = Options.parse("--decidim-locale", "ro", "--decidim-kind", "scale-service",
                "--decidim-organisation", " Primăria Cluj-Napoca ", "file.csv");

        assertThat(defaults.decidim()).isEqualTo(new DecidimSettings("en", "improve-measure", null));
        assertThat(given.decidim()).isEqualTo(new DecidimSettings("ro", "scale-service", "Primăria Cluj-Napoca"));
        assertThatThrownBy(() -> Options.parse("--decidim-kind", "build-a-bridge", "file.csv"))
                .isInstanceOf(Options.UsageException.class).hasMessageContaining("improve-measure");
    }

    private static MappedFile map(String rows) throws IOException {
        return map(CITY, rows);
    }

    private static MappedFile map(DecidimSettings settings, String rows) throws IOException {
        return MappedFile.map(CsvFile.parse("test.csv", HEADER + rows), settings);
    }

    private static java.util.List<String> titles(MappedFile file) {
        assertThat(file.bad()).isEmpty();
        return file.results().stream().map(result -> result.commitment().title()).toList();
    }

    /**
     * A row of {@link #HEADER}: id, English category, English, Hungarian and Romanian titles, Romanian category,
     * dates, status key, progress, then optionally the English and Romanian descriptions.
     */
    private static String row(String id, String categoryEn, String titleEn, String titleHu, String titleRo,
                              String categoryRo, String start, String end, String statusKey, String progress,
                              String... descriptions) {
        String descriptionEn = descriptions.length > 0 ? descriptions[0] : "";
        String descriptionRo = descriptions.length > 1 ? descriptions[1] : "";
        return String.join(";", id, "", categoryEn, categoryRo, "", "", titleEn, titleHu, titleRo, "",
                descriptionEn, descriptionRo, start, end, "", statusKey, progress, "", "", "", "") + "\n";
    }
}
