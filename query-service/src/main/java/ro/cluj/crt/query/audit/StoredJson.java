package ro.cluj.crt.query.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells stored bytes that are one well-formed JSON value in UTF-8 from bytes that are not (a row someone altered),
 * so that the audit API and the export show the first as JSON and never fail on the second.
 */
final class StoredJson {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredJson() {
    }

    /** The stored bytes as text when they are one well-formed JSON value in UTF-8, to be written verbatim. */
    static String textOrNull(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(stored)).toString();
            try (JsonParser parser = JSON.createParser(text)) {
                if (parser.nextToken() == null) {
                    return null;
                }
                parser.skipChildren();
                return parser.nextToken() == null ? text : null;
            }
        } catch (IOException e) {
            // CharacterCodingException is one too: bytes that are not UTF-8
            return null;
        }
    }
}
