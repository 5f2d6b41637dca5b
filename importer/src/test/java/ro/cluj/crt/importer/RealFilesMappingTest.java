package ro.cluj.crt.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mapping of the two real data files in {@code data/}, checked against SOURCES.md. */
class RealFilesMappingTest {

    static final Path OXCGRT = Path.of("../data/oxcgrt_responses_romania_2020.csv");
    static final Path EUROFOUND = Path.of("../data/eurofound_policywatch_2022-01-31.csv");

    private static MappedFile oxcgrt;
    private static MappedFile eurofound;
    private static List<Submission> all;

    @BeforeAll
    static void mapBothFiles() throws IOException {
        oxcgrt = MappedFile.read(OXCGRT);
        eurofound = MappedFile.read(EUROFOUND);
        all = new ArrayList<>(oxcgrt.submissions());
        all.addAll(eurofound.submissions());
    }

    @Test
    void everyRecordOfBothFilesMapsWithoutBadRecords() {
        assertThat(oxcgrt.dataSet()).isEqualTo(DataSet.OXCGRT);
        assertThat(eurofound.dataSet()).isEqualTo(DataSet.EUROFOUND);
        assertThat(oxcgrt.recordCount()).isEqualTo(25);
        assertThat(eurofound.recordCount()).isEqualTo(155);
        assertThat(oxcgrt.bad()).isEmpty();
        assertThat(eurofound.bad()).isEmpty();
        assertThat(all).hasSize(180);
        assertThat(all).allSatisfy(s -> assertThat(s.interview().measures()).hasSize(1));
    }

    @Test
    void theRecordsComeFromOneHundredTwentySevenOrganisations() {
        Map<Bodies.ExternalReference, Bodies.Organisation> byKey = new HashMap<>();
        for (Submission submission : all) {
            Bodies.Organisation earlier = byKey.putIfAbsent(submission.organisationKey(), submission.organisation());
            // the same key must always come with the same body, or the tracker answers 409
            assertThat(earlier == null ? submission.organisation() : earlier).isEqualTo(submission.organisation());
        }
        assertThat(byKey).hasSize(127);
        assertThat(byKey.keySet()).extracting(Bodies.ExternalReference::source)
                .containsOnly(ActorKind.ORGANISATION_SOURCE);
    }

    @Test
    void everyInterviewHasItsOwnExternalId() {
        Set<Bodies.ExternalReference> ids = new HashSet<>();
        all.forEach(submission -> ids.add(submission.interview().externalReference()));
        assertThat(ids).hasSize(180);
        assertThat(oxcgrt.submissions()).extracting(s -> s.interview().externalReference().source())
                .containsOnly("oxcgrt");
        assertThat(eurofound.submissions()).extracting(s -> s.interview().externalReference().source())
                .containsOnly("eurofound-policywatch");
    }

    @Test
    void oxcgrtAndEurofoundShareTheNationalGovernmentOfRomania() {
        Bodies.Organisation government = oxcgrt.submissions().getFirst().organisation();
        assertThat(government).isEqualTo(new Bodies.Organisation("National government (Romania)",
                Sector.PUBLIC_AUTHORITY, AuthorityLevel.NATIONAL, "Romania",
                new Bodies.ExternalReference(ActorKind.ORGANISATION_SOURCE, "National government | Romania")));
        assertThat(oxcgrt.submissions()).extracting(Submission::organisation).containsOnly(government);
        long romanianGovernmentCases = eurofound.submissions().stream()
                .filter(s -> s.organisation().equals(government))
                .count();
        assertThat(romanianGovernmentCases).isEqualTo(27);
    }

    @Test
    void fieldsFollowTheTableOfSources() {
        Map<Field, Integer> counts = new EnumMap<>(Field.class);
        all.forEach(s -> counts.merge(s.interview().measures().getFirst().field(), 1, Integer::sum));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                Field.WORK_AND_WORKPLACES, 51,
                Field.EMPLOYMENT_AND_INCOME, 21,
                Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS, 6,
                Field.BUSINESS_CONTINUITY, 69,
                Field.ECONOMIC_RECOVERY, 12,
                Field.EDUCATION_AND_CHILDCARE, 1,
                Field.MOBILITY_AND_GATHERINGS, 17,
                Field.PUBLIC_INFORMATION, 1,
                Field.HEALTH, 2));
    }

    @Test
    void aEurofoundCaseOfANationalGovernmentWithACompanyAsPartner() {
        Submission masks = eurofound("SK-2020-11/284");
        assertThat(masks.where()).isEqualTo(new RecordLocation(EUROFOUND.toString(), 1, 2));
        assertThat(masks.organisation().name()).isEqualTo("National government (Slovakia)");
        Bodies.Interview interview = masks.interview();
        assertThat(interview.date()).isEqualTo(LocalDate.of(2020, 4, 5));
        assertThat(interview.channel()).isEqualTo("published-source");
        assertThat(interview.consent()).isEqualTo("publish");
        assertThat(interview.source().reference())
                .isEqualTo("https://static.eurofound.europa.eu/covid19db/cases/SK-2020-11_284.html");
        assertThat(interview.source().attribution()).isEqualTo("Eurofound (2020), Production of personal sanitary"
                + " protective masks, measure SK-2020-11/284, COVID-19 EU PolicyWatch, Dublin,"
                + " https://static.eurofound.europa.eu/covid19db/cases/SK-2020-11_284.html");
        Bodies.Measure measure = interview.measures().getFirst();
        assertThat(measure.title()).isEqualTo("Production of personal sanitary protective masks");
        assertThat(measure.field()).isEqualTo(Field.BUSINESS_CONTINUITY);
        assertThat(measure.fieldDetail())
                .isEqualTo("Reorientation of business activities — Change of production/innovation");
        assertThat(measure.description()).startsWith("As there was a lack of personal protective sanitary masks");
        assertThat(measure.startDate()).isEqualTo(LocalDate.of(2020, 3, 13));
        assertThat(measure.endDate()).isNull();
        assertThat(measure.partners()).containsExactly("Company / Companies");
        assertThat(measure.targetGroups()).containsExactly("Employees in standard employment",
                "Particular professions", "The COVID-19 risk group", "People in care facilities");
        assertThat(measure.industries()).containsExactly("C13 Manufacture of textiles");
        assertThat(measure.evidence()).containsExactly("https://rokovania.gov.sk/RVL/Material/24584/1",
                "https://www.startitup.sk/rusky-bude-vyrabat-aj-slovenska-firma-z-banoviec-nad-bebravou-denne-ich"
                        + "-doda-tisice/",
                "no link");
    }

    @Test
    void bareCarriageReturnsBecomeLineFeedsAndRecordsSpanSeveralLines() {
        Bodies.Measure masks = eurofound("SK-2020-11/284").interview().measures().getFirst();
        assertThat(masks.reach()).contains("Slovenskej republiky).\n\nPresently")
                .doesNotContain("\r");
        assertThat(all).allSatisfy(s -> {
            Bodies.Measure m = s.interview().measures().getFirst();
            assertThat(m.description()).doesNotContain("\r");
            assertThat(m.reach() == null ? "" : m.reach()).doesNotContain("\r");
        });
        List<Submission> submissions = eurofound.submissions();
        assertThat(submissions.get(1).where()).isEqualTo(new RecordLocation(EUROFOUND.toString(), 2, 5));
        assertThat(submissions.getLast().where()).isEqualTo(new RecordLocation(EUROFOUND.toString(), 155, 895));
        assertThat(submissions.getLast().where().toString()).endsWith(", record 155 (line 895)");
    }

    @Test
    void trailingSpacesAreTrimmed() {
        Bodies.Measure loans = eurofound("RO-2020-12/529").interview().measures().getFirst();
        assertThat(loans.title()).isEqualTo("Secured loans for investments or working capital for companies");
        assertThat(all).allSatisfy(s -> {
            Bodies.Measure m = s.interview().measures().getFirst();
            assertThat(m.description()).isEqualTo(m.description().strip());
            assertThat(m.title()).isEqualTo(m.title().strip());
            assertThat(m.fieldDetail()).isEqualTo(m.fieldDetail().strip());
            assertThat(m.evidence()).allSatisfy(link -> assertThat(link).isEqualTo(link.strip()).isNotEmpty());
        });
        Bodies.Measure wageFlexibility = eurofound.submissions().stream()
                .map(s -> s.interview().measures().getFirst())
                .filter(m -> m.fieldDetail().endsWith("Wage flexibility"))
                .findFirst()
                .orElseThrow();
        assertThat(wageFlexibility.fieldDetail()).doesNotEndWith(" ");
    }

    @Test
    void naceTitlesThatHoldASeparatorStayOneIndustry() {
        assertThat(eurofound("CZ-2020-10/1514").interview().measures().getFirst().industries()).containsExactly(
                "C26 Manufacture of computer, electronic and optical products",
                "O84 Public administration and defence; compulsory social security",
                "Q86 Human health activities");
        assertThat(eurofound("AT-2020-15/544").interview().measures().getFirst().industries())
                .containsExactly("E38 Waste collection, treatment and disposal activities; materials recovery");
    }

    @Test
    void perCaseActorsBecomeOneOrganisationPerCase() {
        Submission council = eurofound("GR-2020-15/680");
        assertThat(council.organisation()).isEqualTo(new Bodies.Organisation(
                "Local / regional government (Greece, GR-2020-15/680)", Sector.PUBLIC_AUTHORITY, null, "Greece",
                new Bodies.ExternalReference(ActorKind.ORGANISATION_SOURCE, "GR-2020-15/680")));
        Submission union = eurofound("IT-2020-13/1183");
        assertThat(union.organisation().name()).isEqualTo("Trade unions (Italy, IT-2020-13/1183)");
        assertThat(union.organisation().sector()).isEqualTo(Sector.CIVIL_SOCIETY);
        assertThat(union.interview().measures().getFirst().partners())
                .containsExactly("Company / Companies", "Social insurance");
        Submission company = eurofound("BG-2021-50/2160");
        assertThat(company.organisation().sector()).isEqualTo(Sector.BUSINESS);
        assertThat(company.organisation().authorityLevel()).isNull();
        assertThat(company.interview().date()).isEqualTo(LocalDate.of(2022, 1, 12));
    }

    @Test
    void anOxcgrtRowIsAMeasureOfTheNationalGovernment() {
        Submission first = oxcgrt.submissions().getFirst();
        assertThat(first.where()).isEqualTo(new RecordLocation(OXCGRT.toString(), 1, 2));
        assertThat(first.interview().externalReference())
                .isEqualTo(new Bodies.ExternalReference("oxcgrt", "ROU/C8: International travel controls/20200127"));
        assertThat(first.interview().date()).isEqualTo(LocalDate.of(2020, 1, 27));
        assertThat(first.interview().source().licence()).isEqualTo("CC BY 4.0");
        assertThat(first.interview().source().attribution())
                .contains("Blavatnik School of Government, University of Oxford");
        Bodies.Measure measure = first.interview().measures().getFirst();
        assertThat(measure.field()).isEqualTo(Field.MOBILITY_AND_GATHERINGS);
        assertThat(measure.fieldDetail()).isEqualTo("C8: International travel controls; policy value 1"
                + " (ordinal strictness)");
        assertThat(measure.startDate()).isEqualTo(LocalDate.of(2020, 1, 27));
        assertThat(measure.endDate()).isEqualTo(LocalDate.of(2020, 1, 31));
        assertThat(measure.description()).startsWith("Romania screens incomers from China at airports; https://");
        assertThat(measure.evidence()).containsExactly("https://www.nineoclock.ro/2020/01/27/healthmin-costache-"
                + "special-access-line-operates-at-international-airports-for-passengers-coming-from-china/");
    }

    @Test
    void oxcgrtFlagsAndLinksInProse() {
        Bodies.Measure campaign = oxcgrt.submissions().get(2).interview().measures().getFirst();
        assertThat(campaign.field()).isEqualTo(Field.PUBLIC_INFORMATION);
        assertThat(campaign.fieldDetail())
                .isEqualTo("H1: Public information campaigns; policy value 2 (ordinal strictness); flag 1 (general)");
        assertThat(campaign.endDate()).isNull();
        assertThat(campaign.evidence()).containsExactly("https://www.facebook.com/guv.ro",
                "https://www.nineoclock.ro/2020/02/24/pm-designate-orban-urges-romanians-to-learn-about-coronavirus"
                        + "-from-official-sources-only/");
        Bodies.Measure transport = oxcgrt.submissions().get(3).interview().measures().getFirst();
        assertThat(transport.fieldDetail()).endsWith("; flag 0 (targeted)");
        Bodies.Measure schools = oxcgrt.submissions().get(7).interview().measures().getFirst();
        assertThat(schools.field()).isEqualTo(Field.EDUCATION_AND_CHILDCARE);
    }

    private static Submission eurofound(String identifier) {
        return eurofound.submissions().stream()
                .filter(s -> s.interview().externalReference().id().equals(identifier))
                .findFirst()
                .orElseThrow();
    }
}
