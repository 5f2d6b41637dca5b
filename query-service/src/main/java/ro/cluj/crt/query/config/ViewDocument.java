package ro.cluj.crt.query.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object a view keeps in a jsonb column, as a read map that parses the stored text only when someone looks
 * inside. A response copies the text token by token instead: a timeline of a thousand steps would otherwise parse a
 * thousand documents into maps only to write them out again. Either way the client gets the same bytes as from the
 * parsed map (same key order, same escapes, numbers through the same types).
 */
public final class ViewDocument extends AbstractMap<String, Object> {

    private static final TypeReference<LinkedHashMap<String, Object>> CONTENT = new TypeReference<>() { };
    private static final JsonFactory TEXT = new JsonFactory();

    private final String json;
    private final String omitted;
    private Map<String, Object> parsed;

    private ViewDocument(String json, String omitted) {
        this.json = json;
        this.omitted = omitted;
    }

    /** The stored object without its top-level key {@code omitted} (null to keep every key). */
    public static ViewDocument of(String json, String omitted) {
        return new ViewDocument(json, omitted);
    }

    /** Writes the object to a response, so that the web mapper never builds the map. */
    public static SimpleModule module() {
        return new SimpleModule("ViewDocument").addSerializer(ViewDocument.class, new JsonSerializer<>() {
            @Override
            public void serialize(ViewDocument document, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                document.writeTo(out);
            }
        });
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return parsed().entrySet();
    }

    @Override
    public Object get(Object key) {
        return parsed().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return parsed().containsKey(key);
    }

    private Map<String, Object> parsed() {
        if (parsed == null) {
            LinkedHashMap<String, Object> map = ViewJson.read(json, CONTENT);
            if (omitted != null) {
                map.remove(omitted);
            }
            parsed = Collections.unmodifiableMap(map);
        }
        return parsed;
    }

    private void writeTo(JsonGenerator out) throws IOException {
        if (parsed != null) {
            out.writeObject(parsed);
            return;
        }
        try (JsonParser in = TEXT.createParser(json)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a view document is not a JSON object");
            }
            out.writeStartObject(this);
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                if (name.equals(omitted)) {
                    in.skipChildren();
                } else {
                    out.writeFieldName(name);
                    out.copyCurrentStructure(in);
                }
            }
            out.writeEndObject();
        }
    }
}
