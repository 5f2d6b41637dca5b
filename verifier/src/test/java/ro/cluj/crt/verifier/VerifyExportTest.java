package ro.cluj.crt.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ro.cluj.crt.events.audit.SigningKeys;

/** The verifier on a small export: it holds as written, and each kind of tampering is named where it is. */
class VerifyExportTest {

    @TempDir
    Path folder;
    private ExportFixture export;
    private String output;

    @BeforeEach
    void writeExport() throws Exception {
        export = new ExportFixture(folder);
    }

    @Test
    void anUntouchedExportHoldsAndItsEditionIsRecomputed() {
        assertThat(run(export.events, export.manifest, "--edition", export.edition)).as(output).isZero();

        assertThat(output).contains("chain: 12 links (1 to 12), 12 events", "checkpoints: 1 of 1 verify",
                "edition 1 (position 9) recomputed: organisations 1, interviews 1, measures 1",
                "byField culture=1/1", "bySector academia=1/1", "OK:");
    }

    @Test
    void aTimelineIsComparedWithTheCommitmentsEventsAndItsStandingRecomputed() throws Exception {
        Path timeline = export.events.resolveSibling("timeline.json");
        Files.writeString(timeline, TIMELINE);
        assertThat(run(export.events, export.manifest, "--timeline", timeline)).as(output).isZero();
        assertThat(output).contains("commitment c-1 recomputed from 3 events: status fulfilled, latest percentage 40");

        Files.writeString(timeline, TIMELINE.replace("\"percentage\":40", "\"percentage\":45"));
        assertThat(run(export.events, export.manifest, "--timeline", timeline)).isEqualTo(VerifyExport.PROBLEMS);
        assertThat(output).contains("timeline c-1 (timeline.json): entry 1: content.percentage is 45, "
                + "the event says 40");
    }

    /** The public timeline of the fixture's commitment, as the read API shows it. */
    private static final String TIMELINE = """
            {"commitmentId":"c-1","entries":[
             {"sequence":0,"type":"CommitmentMade","recordedAt":"2026-03-01T10:00:00Z","actorRole":"staff",
              "content":{"title":"Shelter"}},
             {"sequence":1,"type":"ProgressReported","recordedAt":"2026-03-01T10:00:01Z","actorRole":"staff",
              "content":{"percentage":40}},
             {"sequence":2,"type":"CommitmentFulfilled","recordedAt":"2026-03-01T10:00:02Z","actorRole":"staff",
              "content":{"note":"done"}}]}""";

    @Test
    void aTamperedPayloadIsNamedByItsLink() throws Exception {
        List<String> lines = new ArrayList<>(export.lines);
        ObjectNode line = (ObjectNode) ExportFixture.JSON.readTree(lines.get(3));
        byte[] payload = Base64.getDecoder().decode(line.get("payloadBase64").asText());
        int title = new String(payload, StandardCharsets.UTF_8).indexOf("\"T\"") + 1;
        payload[title] ^= 1;
        line.put("payloadBase64", Base64.getEncoder().encodeToString(payload));
        lines.set(3, line + "\n");
        export.rewrite(lines, SigningKeys.parse(SigningKeys.generate()));

        assertThat(run(export.events, export.manifest)).as(output).isEqualTo(1);

        assertThat(output).contains("PROBLEMS (1):", "- link 4: hash-mismatch: the event at global index 4");
    }

    @Test
    void aMissingLineIsNamedAsMissingLinks() throws Exception {
        List<String> lines = new ArrayList<>(export.lines);
        lines.remove(6);
        export.rewrite(lines, SigningKeys.parse(SigningKeys.generate()));

        assertThat(run(export.events, export.manifest)).as(output).isEqualTo(1);

        assertThat(output).contains("link 8: link-missing: links 7 to 7 are missing",
                "manifest: 12 links listed, the export has 11");
    }

    @Test
    void aCheckpointSignedByAnotherKeyDoesNotVerify() throws Exception {
        ObjectNode manifest = (ObjectNode) ExportFixture.JSON.readTree(export.manifest.toFile());
        KeyPair other = SigningKeys.parse(SigningKeys.generate());
        ObjectNode checkpoint = (ObjectNode) manifest.get("checkpoints").get(0);
        checkpoint.put("signature", Base64.getEncoder().encodeToString(SigningKeys.sign(other.getPrivate(),
                checkpoint.get("statement").asText().getBytes(StandardCharsets.UTF_8))));
        Files.writeString(export.manifest, manifest.toString());

        assertThat(run(export.events, export.manifest)).as(output).isEqualTo(1);

        assertThat(output).contains("link 5: checkpoint-signature: the signature does not verify",
                "checkpoints: 0 of 1 verify");
    }

    @Test
    void checkpointsSignedAnewWithAnotherKeyFailOnlyAgainstThePinnedKey() throws Exception {
        String genuineKey = Base64.getEncoder().encodeToString(export.keys.getPublic().getEncoded());
        Path keyFile = folder.resolve("tracker-key.txt");
        Files.writeString(keyFile, genuineKey + "\n");
        assertThat(run(export.events, export.manifest, "--public-key", keyFile)).as(output).isZero();
        assertThat(output).contains("checkpoints: 1 of 1 verify with the pinned public key "
                + SigningKeys.keyId(export.keys.getPublic()));

        KeyPair forger = SigningKeys.parse(SigningKeys.generate());
        export.rewrite(export.lines, forger);

        assertThat(run(export.events, export.manifest)).as("the manifest vouches for itself").isZero();
        assertThat(run(export.events, export.manifest, "--public-key", genuineKey)).as(output).isEqualTo(1);
        assertThat(output).contains("link 5: checkpoint-untrusted-key: signed with key "
                + SigningKeys.keyId(forger.getPublic()), "checkpoints: 0 of 1 verify with the pinned public key");
        assertThat(run(export.events, export.manifest, "--public-key", "not-a-key")).isEqualTo(2);
        assertThat(output).contains("--public-key: not a base64 Ed25519 public key");
    }

    @Test
    void aManifestWithAnotherFileHashIsReported() throws Exception {
        String text = Files.readString(export.manifest);
        String sha256 = ExportFixture.JSON.readTree(text).get("eventsFile").get("sha256").asText();
        Files.writeString(export.manifest, text.replace(sha256, "0".repeat(64)));

        assertThat(run(export.events, export.manifest)).as(output).isEqualTo(1);

        assertThat(output).contains("manifest: the events file's SHA-256 is " + sha256 + ", the manifest says "
                + "0".repeat(64));
    }

    @Test
    void anEditionWhoseNumbersDifferFromTheEventsIsReportedNumberByNumber() throws Exception {
        Files.writeString(export.edition, Files.readString(export.edition)
                .replace("\"interviews\":1,\"measures\":1", "\"interviews\":1,\"measures\":2")
                .replace("[{\"field\":\"culture\",\"measureId\":\"m-2\"}]", "[{\"field\":\"culture\","
                        + "\"measureId\":\"m-2\"},{\"field\":\"health\",\"measureId\":\"m-4\"}]"));

        assertThat(run(export.events, export.manifest, "--edition", export.edition)).as(output).isEqualTo(1);

        assertThat(output).contains("edition 1 (edition-1.json): totals.measures is 2, the events give 1",
                "published measures: 2 listed, the events give 1; not listed: []; listed but not in the events: "
                        + "[m-4]")
                .doesNotContain("totals.organisations", "byField[");
    }

    @Test
    void badUsageIsExitStatusTwo() {
        assertThat(run(export.events)).isEqualTo(2);
        assertThat(run(export.events, folder.resolve("no-such.json"))).isEqualTo(2);
        assertThat(output).contains("no such file");
        assertThat(run(export.events, export.manifest, "--verbose")).isEqualTo(2);
    }

    private int run(Object... arguments) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = new VerifyExport(new PrintStream(buffer, true, StandardCharsets.UTF_8))
                .run(java.util.Arrays.stream(arguments).map(Object::toString).toArray(String[]::new));
        output = buffer.toString(StandardCharsets.UTF_8);
        return status;
    }
}
