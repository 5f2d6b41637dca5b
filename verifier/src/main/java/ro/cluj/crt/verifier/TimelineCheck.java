package ro.cluj.crt.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ro.cluj.crt.events.audit.StoredEvent;

/**
 * Compares a published commitment timeline (as served by {@code GET /api/commitments/{id}/timeline}) with the
 * commitment's events in the export: every entry must be an exported event of that commitment with the same
 * sequence, type, recording time, role, reason and content, and every exported event up to the timeline's last
 * entry must be on it. It also folds the events into where the commitment stands (status and latest reported
 * percentage), from the export alone.
 */
final class TimelineCheck {

    private static final String COMMITMENT_EVENTS = "ro.cluj.crt.events.commitment.";

    private final ObjectMapper json;
    private final Map<String, Map<Long, StoredEvent>> eventsByCommitment = new LinkedHashMap<>();

    TimelineCheck(ObjectMapper json, List<String> commitmentIds) {
        this.json = json;
        commitmentIds.forEach(id -> eventsByCommitment.put(id, new LinkedHashMap<>()));
    }

    /** Keeps the events of the commitments whose timelines are to be checked. */
    void accept(ExportLine line) {
        StoredEvent event = line.event();
        if (event != null && event.payloadType() != null && event.payloadType().startsWith(COMMITMENT_EVENTS)) {
            Map<Long, StoredEvent> events = eventsByCommitment.get(event.aggregateIdentifier());
            if (events != null) {
                events.put(event.sequenceNumber(), event);
            }
        }
    }

    /** Where a commitment stands by its exported events: its status and its latest reported percentage. */
    record Standing(String commitmentId, int events, String status, Integer percentage) {
    }

    Standing check(String name, JsonNode timeline, Problems problems) throws IOException {
        String id = timeline.path("commitmentId").asText(null);
        String label = "timeline " + id + " (" + name + ")";
        Map<Long, StoredEvent> events = id == null ? null : eventsByCommitment.get(id);
        if (events == null || !timeline.path("entries").isArray()) {
            problems.add(label + ": not a timeline of a commitment named on the command line");
            return null;
        }
        long last = -1;
        for (JsonNode entry : timeline.path("entries")) {
            long sequence = entry.path("sequence").asLong(-1);
            last = Math.max(last, sequence);
            StoredEvent event = events.get(sequence);
            if (event == null) {
                problems.add(label + ": entry " + sequence + " is not in the export");
                continue;
            }
            compareEntry(label + ": entry " + sequence, entry, event, problems);
        }
        for (long sequence : events.keySet()) {
            if (sequence <= last && !onTimeline(timeline, sequence)) {
                problems.add(label + ": event " + sequence + " of the export is missing from the timeline");
            }
        }
        return standing(id, events.values());
    }

    private void compareEntry(String label, JsonNode entry, StoredEvent event, Problems problems)
            throws IOException {
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        same(label, "type", entry.path("type").asText(null), type, problems);
        Instant recorded = Instant.parse(event.timeStamp());
        Instant shown = entry.hasNonNull("recordedAt") ? Instant.parse(entry.get("recordedAt").asText()) : null;
        same(label, "recordedAt", shown, recorded, problems);
        JsonNode metadata = json.readTree(event.metaData());
        same(label, "actorRole", text(entry, "actorRole"), text(metadata, "actorRole"), problems);
        same(label, "reason", text(entry, "reason"), text(metadata, "reason"), problems);
        JsonNode payload = json.readTree(event.payload());
        for (Iterator<Map.Entry<String, JsonNode>> fields = entry.path("content").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().equals(payload.get(field.getKey()))) {
                problems.add(label + ": content." + field.getKey() + " is " + field.getValue()
                        + ", the event says " + payload.get(field.getKey()));
            }
        }
    }

    private Standing standing(String id, Iterable<StoredEvent> events) throws IOException {
        String status = null;
        Integer percentage = null;
        int count = 0;
        List<StoredEvent> ordered = new ArrayList<>();
        events.forEach(ordered::add);
        ordered.sort((a, b) -> Long.compare(a.sequenceNumber(), b.sequenceNumber()));
        for (StoredEvent event : ordered) {
            count++;
            String type = event.payloadType().substring(COMMITMENT_EVENTS.length());
            JsonNode payload = json.readTree(event.payload());
            switch (type) {
                case "CommitmentMade", "CommitmentReopened" -> status = "open";
                case "CommitmentFulfilled" -> status = "fulfilled";
                case "CommitmentAbandoned" -> status = "abandoned";
                case "ProgressReported" -> percentage = payload.hasNonNull("percentage")
                        ? payload.get("percentage").asInt() : percentage;
                default -> {
                    // other events change neither the status nor the percentage
                }
            }
        }
        return new Standing(id, count, status, percentage);
    }

    private static boolean onTimeline(JsonNode timeline, long sequence) {
        for (JsonNode entry : timeline.path("entries")) {
            if (entry.path("sequence").asLong(-1) == sequence) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void same(String label, String what, Object shown, Object stored, Problems problems) {
        if (!Objects.equals(shown, stored)) {
            problems.add(label + ": " + what + " is " + shown + ", the event says " + stored);
        }
    }
}
