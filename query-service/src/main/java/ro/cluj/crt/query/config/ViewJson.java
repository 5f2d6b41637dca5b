package ro.cluj.crt.query.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ro.cluj.crt.support.store.StorageSerialization;

/** The JSON documents views keep in jsonb columns, written and read with the storage mapper. */
public final class ViewJson {

    private static final ObjectMapper JSON = StorageSerialization.storageMapper();

    private ViewJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a view document", e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view document cannot be read", e);
        }
    }
}
