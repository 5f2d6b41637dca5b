package ro.cluj.crt.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks out of the exported events what the public report counts, read from each payload's JSON as stored: the
 * organisations' sectors (registered, corrected) and the interviews' consent and measures (recorded, amended,
 * retracted), and where each edition was published. Only what the counting needs is kept, not the events.
 */
final class CatalogueFacts {

    static final String ORGANISATION_REGISTERED = "ro.cluj.crt.events.organisation.OrganisationRegistered";
    static final String ORGANISATION_CORRECTED = "ro.cluj.crt.events.organisation.OrganisationDetailsCorrected";
    static final String INTERVIEW_RECORDED = "ro.cluj.crt.events.interview.InterviewRecorded";
    static final String INTERVIEW_AMENDED = "ro.cluj.crt.events.interview.InterviewAmended";
    static final String INTERVIEW_RETRACTED = "ro.cluj.crt.events.interview.InterviewRetracted";
    static final String EDITION_PUBLISHED = "ro.cluj.crt.events.edition.EditionPublished";
    private static final List<String> COUNTED = List.of(ORGANISATION_REGISTERED, ORGANISATION_CORRECTED,
            INTERVIEW_RECORDED, INTERVIEW_AMENDED, INTERVIEW_RETRACTED, EDITION_PUBLISHED);
    /** The payload revision whose shape this verifier knows, for every type it reads. */
    private static final String REVISION = "1";

    /** What one event means to the report, at its global index; the fields an event type lacks are null. */
    record Fact(long globalIndex, String type, String organisationId, String sector, String interviewId,
                String consent, List<MeasureRow> measures, Integer editionNumber) {
    }

    /** A measure of an interview's content, in its place. */
    record MeasureRow(String measureId, String field) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Problems problems;
    private final List<Fact> facts = new ArrayList<>();
    private final Map<Long, Integer> editions = new HashMap<>();

    CatalogueFacts(Problems problems) {
        this.problems = problems;
    }

    void accept(ExportLine line) {
        if (line.event() == null || !COUNTED.contains(line.event().payloadType())) {
            return;
        }
        if (!REVISION.equals(line.event().payloadRevision())) {
            problems.atLink(line.linkNumber(), "unknown-revision", line.event().payloadType() + " revision "
                    + line.event().payloadRevision() + " is not one this verifier can read");
            return;
        }
        try {
            Fact fact = fact(line.globalIndex(), line.event().payloadType(), json.readTree(line.event().payload()));
            facts.add(fact);
            if (fact.editionNumber() != null) {
                editions.put(fact.globalIndex(), fact.editionNumber());
            }
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            problems.atLink(line.linkNumber(), "unreadable-payload", "the " + line.event().payloadType()
                    + " payload cannot be read: " + reason);
        }
    }

    private static Fact fact(long globalIndex, String type, JsonNode payload) {
        String organisation = payload.path("organisationId").asText(null);
        return switch (type) {
            case ORGANISATION_REGISTERED, ORGANISATION_CORRECTED -> new Fact(globalIndex, type, required(organisation),
                    required(payload.path("details").path("sector").asText(null)), null, null, null, null);
            case INTERVIEW_RECORDED, INTERVIEW_AMENDED -> new Fact(globalIndex, type, required(organisation), null,
                    required(payload.path("interviewId").asText(null)),
                    required(payload.path("content").path("consent").asText(null)),
                    measures(payload.path("content").path("measures")), null);
            case INTERVIEW_RETRACTED -> new Fact(globalIndex, type, required(organisation), null,
                    required(payload.path("interviewId").asText(null)), null, null, null);
            default -> new Fact(globalIndex, type, null, null, null, null, null,
                    Integer.valueOf(required(payload.path("number").asText(null))));
        };
    }

    private static List<MeasureRow> measures(JsonNode measures) {
        List<MeasureRow> rows = new ArrayList<>();
        measures.forEach(m -> rows.add(new MeasureRow(required(m.path("measureId").asText(null)),
                required(m.path("field").asText(null)))));
        return List.copyOf(rows);
    }

    private static String required(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a field the report needs is missing");
        }
        return value;
    }

    /** The facts of the events before global index {@code position}, in global index order. */
    List<Fact> before(long position) {
        return facts.stream().filter(fact -> fact.globalIndex() < position)
                .sorted(Comparator.comparingLong(Fact::globalIndex)).toList();
    }

    /** The number of the edition published by the event at {@code globalIndex}, or null. */
    Integer editionAt(long globalIndex) {
        return editions.get(globalIndex);
    }
}
