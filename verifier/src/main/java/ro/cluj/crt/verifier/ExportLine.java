package ro.cluj.crt.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HexFormat;
import ro.cluj.crt.events.audit.StoredEvent;

/**
 * One line of an export: a chain link and the stored event it seals, with the payload and metadata decoded from
 * base64 to their exact stored bytes, so that the link hash can be recomputed as the sealer computed it.
 *
 * @param event null when the export says the link's event is no longer in the store
 */
record ExportLine(long linkNumber, long globalIndex, StoredEvent event, byte[] previousHash, byte[] hash) {

    /**
     * Reads a line parsed as JSON.
     *
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    static ExportLine read(JsonNode line) {
        long link = number(line, "linkNumber");
        long globalIndex = number(line, "globalIndex");
        StoredEvent event = line.path("eventPresent").asBoolean(true)
                ? new StoredEvent(globalIndex, text(line, "aggregateId"), number(line, "sequenceNumber"),
                        text(line, "eventId"), text(line, "aggregateType"), text(line, "timeStamp"),
                        text(line, "payloadType"), text(line, "payloadRevision"), base64(line, "payloadBase64"),
                        base64(line, "metadataBase64"))
                : null;
        return new ExportLine(link, globalIndex, event, hex(line, "previousHash"), hex(line, "hash"));
    }

    private static long number(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        return value.asLong();
    }

    /** A text field; JSON null stays null, because the hash tells a missing value from an empty one. */
    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !(value.isNull() || value.isTextual())) {
            throw new IllegalArgumentException(field + " is missing or not text");
        }
        return value.isNull() ? null : value.asText();
    }

    private static byte[] base64(JsonNode line, String field) {
        String value = text(line, field);
        try {
            return value == null ? null : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not base64", e);
        }
    }

    private static byte[] hex(JsonNode line, String field) {
        String value = text(line, field);
        try {
            return value == null ? null : HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not hexadecimal", e);
        }
    }
}
