package ro.cluj.crt.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest of an export as the verifier reads it ({@code AuditExportManifest} on the tracker's side). Read from
 * the JSON tree rather than bound to the tracker's record, so that a manifest with a field missing is reported as a
 * problem instead of failing the whole run.
 *
 * @param publicKeys base64 X.509 public keys by key id: the current one and every earlier one
 */
record Manifest(String format, long fromLink, long toLink, long links, long events, String firstPreviousHash,
                String headHash, long fileBytes, String fileSha256, List<Checkpoint> checkpoints,
                Map<String, String> publicKeys) {

    /** A signed checkpoint as listed: the statement's fields, the text the tracker says it signed, the signature. */
    record Checkpoint(long linkNumber, long globalIndex, String headHash, String recordedAt, String keyId,
                      String statement, String signature) {
    }

    static Manifest read(JsonNode json) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        json.path("checkpoints").forEach(c -> checkpoints.add(new Checkpoint(c.path("linkNumber").asLong(),
                c.path("globalIndex").asLong(), c.path("headHash").asText(null), c.path("recordedAt").asText(null),
                c.path("keyId").asText(null), c.path("statement").asText(null), c.path("signature").asText(null))));
        Map<String, String> keys = new LinkedHashMap<>();
        JsonNode key = json.path("publicKey");
        if (key.isObject()) {
            keys.put(key.path("keyId").asText(), key.path("publicKey").asText());
            key.path("allKeys").forEach(k -> keys.putIfAbsent(k.path("keyId").asText(), k.path("publicKey").asText()));
        }
        return new Manifest(json.path("format").asText(null), json.path("range").path("fromLink").asLong(1),
                json.path("range").path("toLink").asLong(0), json.path("links").asLong(-1),
                json.path("events").asLong(-1), json.path("firstLink").path("previousHash").asText(null),
                json.path("headHash").asText(null), json.path("eventsFile").path("bytes").asLong(-1),
                json.path("eventsFile").path("sha256").asText(null), List.copyOf(checkpoints), keys);
    }
}
