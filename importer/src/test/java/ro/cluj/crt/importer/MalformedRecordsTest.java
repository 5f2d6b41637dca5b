package ro.cluj.crt.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Bad records are reported with their record number and line, and do not stop the good ones. */
class MalformedRecordsTest {

    private static final String OXCGRT_HEADER =
            "CountryName,CountryCode,StartDate,EndDate,PolicyType,PolicyValue,Flag,InitialNote\r\n";

    @Test
    void aBadDateIsReportedWithItsRecordNumberAndLineAndTheRestStillMap() throws IOException {
        String csv = OXCGRT_HEADER
                + "Romania,ROU,20200311,,C1: School closing,3,1,\"Schools close;\rsee\r\nhttps://example.org/a \"\r\n"
                + "Romania,ROU,2020-03-12,,C2: Workplace closing,2,1,note\r\n"
                + "Romania,ROU,20200313,20200312,C3: Cancel public events,2,1,note\r\n"
                + "Romania,ROU,20200314,,H2: Testing policy,3,,\"   \"\r\n"
                + "Romania,ROU,20200315,,E1: Income support,2,0,\"Income support  \"\r\n";
        MappedFile file = MappedFile.map(CsvFile.parse("inline.csv", csv));

        assertThat(file.recordCount()).isEqualTo(5);
        assertThat(file.bad()).extracting(BadRecord::toString).containsExactly(
                "inline.csv, record 2 (line 5): column 'StartDate': '2020-03-12' is not a date (yyyymmdd)",
                "inline.csv, record 3 (line 6): column 'EndDate': 2020-03-12 is before the start 2020-03-13",
                "inline.csv, record 4 (line 7): column 'InitialNote' is empty, and a measure needs a description");
        assertThat(file.submissions()).hasSize(2);
        Submission schools = file.submissions().getFirst();
        assertThat(schools.where()).isEqualTo(new RecordLocation("inline.csv", 1, 2));
        Bodies.Measure measure = schools.interview().measures().getFirst();
        assertThat(measure.description()).isEqualTo("Schools close;\nsee\nhttps://example.org/a");
        assertThat(measure.evidence()).containsExactly("https://example.org/a");
        Submission income = file.submissions().get(1);
        assertThat(income.where().record()).isEqualTo(5);
        assertThat(income.interview().measures().getFirst().description()).isEqualTo("Income support");
        assertThat(income.interview().date()).isEqualTo(LocalDate.of(2020, 3, 15));
    }

    @Test
    void aRecordWithTooFewValuesIsReportedAndTheNextOneMaps() throws IOException {
        String csv = OXCGRT_HEADER
                + "Romania,ROU,20200311,,C1: School closing\r\n"
                + "Romania,ROU,20200312,,C2: Workplace closing,2,1,note\r\n";
        MappedFile file = MappedFile.map(CsvFile.parse("short.csv", csv));

        assertThat(file.bad()).extracting(BadRecord::toString).containsExactly(
                "short.csv, record 1 (line 2): it has 5 values where the header has 8 columns");
        assertThat(file.submissions()).extracting(s -> s.where().record()).containsExactly(2L);
    }

    @Test
    void aBrokenQuoteLosesTheRestOfTheFileButNotTheRecordsBefore() throws IOException {
        String csv = OXCGRT_HEADER
                + "Romania,ROU,20200311,,C1: School closing,3,1,\"two\rlines\"\r\n"
                + "Romania,ROU,20200312,,C2: Workplace closing,2,1,\"never closed\r\n"
                + "Romania,ROU,20200313,,C3: Cancel public events,2,1,note\r\n";
        MappedFile file = MappedFile.map(CsvFile.parse("broken.csv", csv));

        assertThat(file.submissions()).hasSize(1);
        assertThat(file.bad()).hasSize(1);
        assertThat(file.bad().getFirst().where()).isEqualTo(new RecordLocation("broken.csv", 2, 4));
        assertThat(file.bad().getFirst().reason()).startsWith("the file cannot be read from here on");
    }

    @Test
    void missingRequiredValuesAndMalformedEurofoundRecords() throws IOException {
        String header = "Identifier,Title,Country,Start date,End date,Category,Subcategory,Case added,"
                + "Background information,Content of measure,Use of measure,Actors,Target groups,Sectors,Sources\n";
        String csv = header
                + "XX-2020-1/1,A,Romania,03/01/2020,,Made-up category ,Sub,13/01/2020,,text,,Trade unions,,,\n"
                + "XX-2020-1/2,B,Romania,03/01/2020,,,,04/01/2020,Only background,,,Mystery actors; Trade unions,"
                + ";  ; SMEs,,\n"
                + "XX-2020-1/3,C,,03/01/2020,,,,04/01/2020,,text,,Trade unions,,,\n"
                + "XX-2020-1/4,D,Romania,03/01/2020,,Made-up category ,Sub ,04/01/2020,,text,,Trade unions,,,\n";
        MappedFile file = MappedFile.map(CsvFile.parse("eurofound.csv", csv));

        assertThat(file.dataSet()).isEqualTo(DataSet.EUROFOUND);
        assertThat(file.bad()).extracting(BadRecord::toString).containsExactly(
                "eurofound.csv, record 1 (line 2): column 'Case added': '13/01/2020' is not a date (mm/dd/yyyy)",
                "eurofound.csv, record 3 (line 4): column 'Country' is empty");
        Submission fallback = file.submissions().getFirst();
        Bodies.Measure measure = fallback.interview().measures().getFirst();
        assertThat(measure.description()).isEqualTo("Only background");
        assertThat(measure.field()).isEqualTo(Field.OTHER);
        assertThat(measure.fieldDetail()).isNull();
        assertThat(measure.targetGroups()).containsExactly("SMEs");
        assertThat(measure.partners()).containsExactly("Trade unions");
        assertThat(fallback.organisation().sector()).isEqualTo(Sector.OTHER);
        assertThat(fallback.organisation().name()).isEqualTo("Mystery actors (Romania, XX-2020-1/2)");
        Bodies.Measure unknownCategory = file.submissions().get(1).interview().measures().getFirst();
        assertThat(unknownCategory.field()).isEqualTo(Field.OTHER);
        assertThat(unknownCategory.fieldDetail()).isEqualTo("Made-up category — Sub");
    }

    @Test
    void aFileOfNoKnownDataSetIsRefusedAsAWhole() {
        assertThatThrownBy(() -> MappedFile.map(CsvFile.parse("other.csv", "a,b\n1,2\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the header is of no known data set");
    }
}
