package ro.cluj.crt.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import ro.cluj.crt.events.audit.ChainHash;
import ro.cluj.crt.events.audit.CheckpointStatement;
import ro.cluj.crt.events.audit.SigningKeys;
import ro.cluj.crt.events.audit.StoredEvent;

/**
 * A small export written the way the tracker writes one: two organisations, three interviews (one amended, one
 * retracted, one not for publication), an edition, sealed into a chain with a signed checkpoint; and the edition as
 * the tracker would have published it. Tests alter the files to see the verifier notice.
 */
final class ExportFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORG = "ro.cluj.crt.events.organisation.";
    static final String INTERVIEW = "ro.cluj.crt.events.interview.";
    static final String COMMITMENT = "ro.cluj.crt.events.commitment.";

    final Path events;
    final Path manifest;
    final Path edition;
    /** The tracker's signing key that the checkpoint was signed with. */
    final KeyPair keys = SigningKeys.parse(SigningKeys.generate());
    final List<String> lines = new ArrayList<>();
    private final List<byte[]> hashes = new ArrayList<>();

    ExportFixture(Path folder) throws IOException {
        events = folder.resolve("events.ndjson");
        manifest = folder.resolve("manifest.json");
        edition = folder.resolve("edition-1.json");
        add(ORG + "OrganisationRegistered", "{\"details\":{\"name\":\"Cerc\",\"sector\":\"civil-society\"},"
                + "\"organisationId\":\"org-1\"}");
        add(ORG + "OrganisationRegistered", "{\"details\":{\"name\":\"Fabrica\",\"sector\":\"business\"},"
                + "\"organisationId\":\"org-2\"}");
        add(ORG + "OrganisationDetailsCorrected", "{\"details\":{\"name\":\"Cerc\",\"sector\":\"academia\"},"
                + "\"organisationId\":\"org-1\",\"reason\":\"a university circle\"}");
        add(INTERVIEW + "InterviewRecorded", interview("int-1", "org-1", "publish", "m-1", "health"));
        add(INTERVIEW + "InterviewAmended", interview("int-1", "org-1", "publish", "m-2", "culture"));
        add(INTERVIEW + "InterviewRecorded", interview("int-2", "org-2", "not-for-publication", "m-3", "health"));
        add(INTERVIEW + "InterviewRecorded", interview("int-3", "org-2", "publish-without-name", "m-4", "health"));
        add(INTERVIEW + "InterviewRetracted", "{\"interviewId\":\"int-3\",\"organisationId\":\"org-2\"}");
        add("ro.cluj.crt.events.edition.EditionPublished", "{\"editionId\":\"edition-1\",\"number\":1}");
        add(COMMITMENT + "CommitmentMade", "{\"commitmentId\":\"c-1\",\"title\":\"Shelter\"}", "c-1", 0);
        add(COMMITMENT + "ProgressReported", "{\"commitmentId\":\"c-1\",\"percentage\":40}", "c-1", 1);
        add(COMMITMENT + "CommitmentFulfilled", "{\"commitmentId\":\"c-1\",\"note\":\"done\"}", "c-1", 2);
        Files.writeString(events, String.join("", lines), StandardCharsets.UTF_8);
        writeManifest(keys);
        Files.writeString(edition, """
                {"format":1,"measures":[{"field":"culture","measureId":"m-2"}],"number":1,"position":9,
                 "report":{"byField":[{"field":"culture","measures":1,"organisations":1}],
                           "bySector":[{"measures":1,"organisations":1,"sector":"academia"}],
                           "scope":"public","totals":{"interviews":1,"measures":1,"organisations":1}}}""");
    }

    private static String interview(String id, String organisation, String consent, String measure, String field) {
        return "{\"content\":{\"consent\":\"" + consent + "\",\"measures\":[{\"field\":\"" + field
                + "\",\"measureId\":\"" + measure + "\",\"title\":\"T\"}]},\"interviewId\":\"" + id
                + "\",\"organisationId\":\"" + organisation + "\"}";
    }

    private void add(String type, String payload) {
        add(type, payload, "agg-" + (lines.size() + 1), 0);
    }

    /** Seals the event as link n + 1 (global index = link number) and writes its line. */
    private void add(String type, String payload, String aggregate, long sequence) {
        long link = lines.size() + 1;
        byte[] metadata = "{\"actorId\":\"acc-staff-0001\",\"actorRole\":\"staff\"}"
                .getBytes(StandardCharsets.UTF_8);
        StoredEvent event = new StoredEvent(link, aggregate, sequence, "evt-" + link, "Aggregate",
                "2026-03-01T10:00:0" + (link % 10) + ".000Z", type, "1", payload.getBytes(StandardCharsets.UTF_8),
                metadata);
        byte[] previous = hashes.isEmpty() ? ChainHash.GENESIS : hashes.getLast();
        byte[] hash = ChainHash.of(previous, link, event);
        hashes.add(hash);
        ObjectNode line = JSON.createObjectNode().put("linkNumber", link).put("globalIndex", link)
                .put("eventPresent", true).put("aggregateId", event.aggregateIdentifier())
                .put("aggregateType", event.type()).put("sequenceNumber", sequence)
                .put("eventId", event.eventIdentifier())
                .put("payloadType", type).put("payloadRevision", "1").put("timeStamp", event.timeStamp())
                .put("payloadBase64", Base64.getEncoder().encodeToString(event.payload()))
                .put("metadataBase64", Base64.getEncoder().encodeToString(metadata))
                .put("previousHash", ChainHash.hex(previous)).put("hash", ChainHash.hex(hash));
        lines.add(line + "\n");
    }

    /** The manifest of the events file as it is now, with a checkpoint at link 5 signed by {@code keys}. */
    void writeManifest(KeyPair keys) throws IOException {
        byte[] bytes = Files.readAllBytes(events);
        String keyId = SigningKeys.keyId(keys.getPublic());
        CheckpointStatement statement = new CheckpointStatement(5, 5, ChainHash.hex(hashes.get(4)),
                Instant.parse("2026-03-01T10:00:05Z"), keyId);
        ObjectNode root = JSON.createObjectNode().put("format", "crt-audit-export/1")
                .put("chainLayout", ChainHash.VERSION).put("links", hashes.size()).put("events", hashes.size())
                .put("headHash", ChainHash.hex(hashes.getLast()));
        root.putObject("range").put("fromLink", 1).put("toLink", hashes.size());
        root.putObject("firstLink").put("linkNumber", 1).put("previousHash", ChainHash.hex(ChainHash.GENESIS));
        root.putObject("eventsFile").put("name", "events.ndjson").put("bytes", bytes.length)
                .put("sha256", ChainHash.hex(ChainHash.sha256(bytes)));
        ArrayNode checkpoints = root.putArray("checkpoints");
        checkpoints.addObject().put("linkNumber", 5).put("globalIndex", 5).put("headHash", statement.headHash())
                .put("recordedAt", statement.recordedAt().toString()).put("keyId", keyId)
                .put("statement", statement.text()).put("signature", Base64.getEncoder()
                        .encodeToString(SigningKeys.sign(keys.getPrivate(), statement.bytes())));
        root.putObject("publicKey").put("algorithm", "Ed25519").put("keyId", keyId)
                .put("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        Files.writeString(manifest, root.toString(), StandardCharsets.UTF_8);
    }

    /** Rewrites the events file with these lines, and the manifest to match them, so only the chain can tell. */
    void rewrite(List<String> newLines, KeyPair keys) throws IOException {
        Files.writeString(events, String.join("", newLines), StandardCharsets.UTF_8);
        writeManifest(keys);
    }
}
