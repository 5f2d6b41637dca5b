package ro.cluj.crt.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole importer against an in-process fake of the command service. */
class ImporterHttpTest {

    private static final String CSV = """
            CountryName,CountryCode,StartDate,EndDate,PolicyType,PolicyValue,Flag,InitialNote
            Romania,ROU,20200311,,C1: School closing,3,1,"Schools close; https://example.org/schools"
            Romania,ROU,20200312,,C2: Workplace closing,2,1,"Home office; https://example.org/work"
            Romania,ROU,20200313,,C3: Cancel public events,2,1,"No events; https://example.org/events"
            """;

    @TempDir
    Path directory;

    private FakeTracker tracker;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startTracker() throws IOException {
        tracker = new FakeTracker();
    }

    @AfterEach
    void stopTracker() {
        tracker.close();
    }

    @Test
    void aRefusedRecordIsReportedWithItsNumberWhileTheOthersGoThrough() throws IOException {
        Path file = Files.writeString(directory.resolve("oxcgrt.csv"), CSV);
        tracker.refuseInterview("ROU/C2: Workplace closing/20200312");

        int exit = importer().run("--url", tracker.url(), "--user", "staff", file.toString());

        assertThat(exit).isEqualTo(Importer.SOME_BAD);
        assertThat(tracker.logins()).isEqualTo(1);
        // one organisation and three interviews, every one with the token of the single login
        assertThat(tracker.writeAuthorisations()).hasSize(4).containsOnly("Bearer token-of-the-fake");
        assertThat(tracker.organisationCount()).isEqualTo(1);
        assertThat(tracker.interviewCount()).isEqualTo(2);
        assertThat(err()).contains("bad record: " + file + ", record 2 (line 3): the tracker refused it (400):"
                + " the request is not valid; measures[0].description: must not be blank");
        assertThat(err()).contains("oxcgrt: 3/3 records sent");
        assertThat(out()).contains("records read:            3 (oxcgrt 3)",
                "organisations submitted: 1", "interviews submitted:    2", "bad records:             1",
                "highest position:        3 (read the report with ?minPosition=3)");
    }

    @Test
    void aRefusedOrganisationIsAskedForOnceAndMakesItsRecordsBad() throws IOException {
        Path file = Files.writeString(directory.resolve("oxcgrt.csv"), CSV);
        tracker.refuseOrganisation("National government | Romania");

        int exit = importer().run("--url", tracker.url(), file.toString());

        assertThat(exit).isEqualTo(Importer.SOME_BAD);
        assertThat(tracker.writeAuthorisations()).hasSize(1);
        assertThat(err()).contains(
                "bad record: " + file + ", record 1 (line 2): its organisation 'National government (Romania)' was"
                        + " refused: the tracker refused it (400): the request is not valid; name: must not be blank",
                "bad record: " + file + ", record 3 (line 4): its organisation");
        assertThat(out()).contains("organisations submitted: 0", "interviews submitted:    0",
                "bad records:             3", "highest position:        none (nothing went in)");
    }

    @Test
    void theRealFilesGoInAndASecondRunChangesNothing() {
        String[] args = {"--url", tracker.url(), "../data/oxcgrt_responses_romania_2020.csv",
            "../data/eurofound_policywatch_2022-01-31.csv"};

        int first = importer().run(args);
        String firstSummary = out();
        long positionAfterFirst = tracker.position();
        out.reset();
        int second = importer().run(args);

        assertThat(first).isEqualTo(Importer.ALL_IN);
        assertThat(second).isEqualTo(Importer.ALL_IN);
        assertThat(tracker.organisationCount()).isEqualTo(127);
        assertThat(tracker.interviewCount()).isEqualTo(180);
        assertThat(tracker.position()).isEqualTo(positionAfterFirst).isEqualTo(307);
        assertThat(out()).isEqualTo(firstSummary).contains("records read:            180 (oxcgrt 25, eurofound 155)",
                "organisations submitted: 127", "interviews submitted:    180", "bad records:             0",
                "?minPosition=307");
        assertThat(err()).contains("eurofound: 40/155 records sent", "eurofound: 155/155 records sent")
                .doesNotContain("bad record");
        assertThat(tracker.logins()).isEqualTo(2);
    }

    @Test
    void aRefusedLoginIsFatalAndThePasswordIsNeverShown() throws IOException {
        Path file = Files.writeString(directory.resolve("oxcgrt.csv"), CSV);

        int exit = new Importer(Map.of("OTHER_VARIABLE", "wrong-password-0815"), print(out), print(err))
                .run("--url", tracker.url(), "--password-env", "OTHER_VARIABLE", file.toString());

        assertThat(exit).isEqualTo(Importer.FATAL);
        assertThat(err()).contains("login refused (401): the user name or the password is wrong");
        assertThat(err() + out()).doesNotContain("wrong-password-0815");
        assertThat(tracker.writeAuthorisations()).isEmpty();
    }

    @Test
    void aTokenFromTheEnvironmentIsUsedWithoutLoggingIn() throws IOException {
        Path file = Files.writeString(directory.resolve("oxcgrt.csv"), CSV);

        int exit = new Importer(Map.of("GIVEN_TOKEN", "token-of-the-fake"), print(out), print(err))
                .run("--url", tracker.url(), "--token-env", "GIVEN_TOKEN", file.toString());

        assertThat(exit).isEqualTo(Importer.ALL_IN);
        assertThat(tracker.logins()).isZero();
        assertThat(tracker.writeAuthorisations()).hasSize(4).containsOnly("Bearer token-of-the-fake");
    }

    @Test
    void aTokenTheTrackerRefusesIsFatalAndNeverShown() throws IOException {
        Path file = Files.writeString(directory.resolve("oxcgrt.csv"), CSV);

        int exit = new Importer(Map.of("GIVEN_TOKEN", "stolen-token-0815"), print(out), print(err))
                .run("--url", tracker.url(), "--token-env", "GIVEN_TOKEN", file.toString());

        assertThat(exit).isEqualTo(Importer.FATAL);
        assertThat(err()).contains("the tracker refused the access token (401)");
        assertThat(err() + out()).doesNotContain("stolen-token-0815");
    }

    @Test
    void aFileOfAnotherDataSetThanExpectedSendsNothing() throws IOException {
        Path file = Files.writeString(directory.resolve("oxcgrt.csv"), CSV);

        int exit = importer().run("--url", tracker.url(), "--expect", "decidim-results", file.toString());

        assertThat(exit).isEqualTo(Importer.FATAL);
        assertThat(err()).contains("holds oxcgrt records, not decidim-results; nothing was sent");
        assertThat(tracker.logins()).isZero();
        assertThat(tracker.writeAuthorisations()).isEmpty();
    }

    @Test
    void anUnreachableTrackerIsFatal() throws IOException {
        Path file = Files.writeString(directory.resolve("oxcgrt.csv"), CSV);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int exit = importer().run("--url", "http://127.0.0.1:" + port, file.toString());

        assertThat(exit).isEqualTo(Importer.FATAL);
        assertThat(err()).contains("cannot reach the tracker at http://127.0.0.1:" + port);
        assertThat(err() + out()).doesNotContain(FakeTracker.PASSWORD);
    }

    @Test
    void aMissingPasswordOrAWrongCommandLineIsFatal() {
        assertThat(new Importer(Map.of(), print(out), print(err)).run("--url", tracker.url(), "x.csv"))
                .isEqualTo(Importer.FATAL);
        assertThat(err()).contains("no password: set the environment variable CRT_PASSWORD");
        assertThat(importer().run("--bogus", "x.csv")).isEqualTo(Importer.FATAL);
        assertThat(err()).contains("unknown option --bogus", "usage:");
        assertThat(tracker.logins()).isZero();
    }

    private Importer importer() {
        return new Importer(Map.of("CRT_PASSWORD", FakeTracker.PASSWORD), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
