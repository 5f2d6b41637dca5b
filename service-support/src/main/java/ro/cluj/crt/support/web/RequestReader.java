package ro.cluj.crt.support.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ro.cluj.crt.events.vocabulary.Vocabulary;

/**
 * Reads a JSON request body into a request record and reports every bad field at once, not only the first one that a
 * plain Jackson binding would stop at.
 *
 * <p>Checks, in order: the body is an object; no text holds a control character other than line feed, carriage return
 * and tab; no text is over {@link #MAX_TEXT_LENGTH}; every field is known and of its declared type (strings are
 * strings, dates are ISO calendar dates, vocabulary values are known codes); then the record's Bean Validation
 * constraints. Line breaks are normalised to line feeds.
 */
public class RequestReader {

    /** The limit of any text field that has no lower limit of its own. */
    public static final int MAX_TEXT_LENGTH = 32_000;

    /** Dates outside this span are typing errors in this domain, not facts. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    private final Validator validator;

    public RequestReader(Validator validator) {
        this.validator = validator;
    }

    public <T extends Record> T read(JsonNode body, Class<T> type) {
        List<FieldError> errors = new ArrayList<>();
        if (!(body instanceof ObjectNode object)) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        normaliseText(object, "", errors);
        T value = bindRecord(object, type, "", errors);
        if (value != null) {
            for (ConstraintViolation<T> violation : validator.validate(value)) {
                String field = violation.getPropertyPath().toString().replace(".<list element>", "");
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return value;
    }

    private static void normaliseText(JsonNode node, String path, List<FieldError> errors) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String childPath = join(path, entry.getKey());
                if (hasControlCharacter(entry.getKey())) {
                    errors.add(new FieldError(childPath, "the field name holds a control character"));
                }
                normaliseChild(entry.getValue(), childPath, errors, entry::setValue);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                normaliseChild(array.get(i), path + "[" + i + "]", errors, text -> array.set(index, text));
            }
        }
    }

    private static void normaliseChild(JsonNode child, String path, List<FieldError> errors,
                                       java.util.function.Consumer<JsonNode> replace) {
        if (!child.isTextual()) {
            normaliseText(child, path, errors);
            return;
        }
        String text = child.textValue();
        if (hasControlCharacter(text)) {
            errors.add(new FieldError(path, "holds a control character (only line feed, carriage return and tab "
                    + "are allowed)"));
        }
        if (hasLoneSurrogate(text)) {
            errors.add(new FieldError(path, "holds a broken character (an unpaired UTF-16 surrogate)"));
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            errors.add(new FieldError(path, "is longer than " + MAX_TEXT_LENGTH + " characters"));
        }
        if (text.indexOf('\r') >= 0) {
            replace.accept(TextNode.valueOf(text.replace("\r\n", "\n").replace('\r', '\n')));
        }
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    private static <T extends Record> T bindRecord(ObjectNode node, Class<T> type, String path,
                                                   List<FieldError> errors) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new HashSet<>();
        Arrays.stream(components).forEach(component -> known.add(component.getName()));
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(new FieldError(join(path, name), "is not a known field"));
            }
        });
        Object[] values = new Object[components.length];
        int before = errors.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            JsonNode value = node.get(component.getName());
            values[i] = value == null || value.isNull() ? null
                    : bindValue(value, component.getGenericType(), join(path, component.getName()), errors);
        }
        if (errors.size() > before) {
            return null;
        }
        return construct(type, components, values);
    }

    private static Object bindValue(JsonNode node, Type type, String path, List<FieldError> errors) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return bindList(node, generic.getActualTypeArguments()[0], path, errors);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return expect(node.isTextual(), node.textValue(), "must be a string", path, errors);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return expect(node.isBoolean(), node.booleanValue(), "must be true or false", path, errors);
        }
        if (raw == Integer.class || raw == int.class) {
            return expect(node.isInt(), node.intValue(), "must be a whole number", path, errors);
        }
        if (raw == LocalDate.class) {
            return date(node, path, errors);
        }
        if (raw.isEnum() && Vocabulary.class.isAssignableFrom(raw)) {
            return vocabulary(node, raw, path, errors);
        }
        if (raw.isRecord()) {
            if (node instanceof ObjectNode object) {
                return bindRecord(object, raw.asSubclass(Record.class), path, errors);
            }
            errors.add(new FieldError(path, "must be a JSON object"));
            return null;
        }
        throw new IllegalArgumentException("request records may not use " + raw.getName());
    }

    private static List<Object> bindList(JsonNode node, Type elementType, String path, List<FieldError> errors) {
        if (!node.isArray()) {
            errors.add(new FieldError(path, "must be a list"));
            return null;
        }
        List<Object> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String elementPath = path + "[" + i + "]";
            if (element.isNull()) {
                errors.add(new FieldError(elementPath, "must not be null"));
            } else {
                values.add(bindValue(element, elementType, elementPath, errors));
            }
        }
        return values;
    }

    private static Object expect(boolean ok, Object value, String message, String path, List<FieldError> errors) {
        if (ok) {
            return value;
        }
        errors.add(new FieldError(path, message));
        return null;
    }

    private static LocalDate date(JsonNode node, String path, List<FieldError> errors) {
        if (node.isTextual() && node.textValue().length() == 10) {
            try {
                LocalDate date = LocalDate.parse(node.textValue());
                if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                    errors.add(new FieldError(path, "must be between " + EARLIEST_DATE + " and " + LATEST_DATE));
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        errors.add(new FieldError(path, "must be a calendar date written yyyy-mm-dd"));
        return null;
    }

    private static Object vocabulary(JsonNode node, Class<?> type, String path, List<FieldError> errors) {
        Object[] constants = type.getEnumConstants();
        if (node.isTextual()) {
            for (Object constant : constants) {
                if (((Vocabulary) constant).code().equals(node.textValue())) {
                    return constant;
                }
            }
        }
        List<String> allowed = Arrays.stream(constants).map(c -> ((Vocabulary) c).code()).toList();
        errors.add(new FieldError(path, "must be one of " + String.join(", ", allowed)));
        return null;
    }

    private static <T extends Record> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("request record " + type.getSimpleName() + " rejected its values",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("request record " + type.getSimpleName() + " cannot be built", e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
