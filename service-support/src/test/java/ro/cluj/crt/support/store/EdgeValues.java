package ro.cluj.crt.support.store;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.person.Sealed;
import ro.cluj.crt.support.web.RequestReader;

/**
 * Events filled with edge values, for every event type in shared-events (found by scanning for
 * {@link EventRevision}, so a new type is covered without editing any test). Built by reflection over the records:
 * a value of each kind the API lets through at its limits, or, for the serializer alone, beyond them.
 */
public final class EdgeValues {

    /** How the values are chosen. */
    public enum Variant {
        /** Every text at the API's maximum length with non-ASCII, emoji and line breaks; lists filled; latest dates. */
        FULL,
        /**
         * Nulls wherever the event allows them (except ids that name an aggregate or a person), empty texts and
         * lists, earliest dates, smallest numbers.
         */
        SPARSE,
        /** As FULL, but dates and numbers at the limits of their Java types, past what the API accepts. */
        EXTREME
    }

    public static final String EVENTS_PACKAGE = "ro.cluj.crt.events";
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String TEXT_PATTERN =
            "Asociația „Știință și Țară” — ăâîșț ĂÂÎȘȚ ÄÖÜß éèê ñ 日本語 Ελληνικά русский עברית 🌍👩‍👩‍👧‍👦🇷🇴 "
            + "\"quoted\" \\back\\slash </script> {\"json\":[1]} \u2028\u2029 tab\there\r\nnew line\n";

    private EdgeValues() {
    }

    /** Every event type in shared-events, by name. */
    public static List<Class<?>> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventRevision.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(EVENTS_PACKAGE)) {
            try {
                types.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    /** A text of exactly {@code length} UTF-16 units that never splits a surrogate pair. */
    public static String text(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int codePoint = TEXT_PATTERN.codePointAt(text.length() % TEXT_PATTERN.length());
            if (text.length() + Character.charCount(codePoint) > length) {
                codePoint = 'x';
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** An instance of {@code type}, a record, an enum or a value type, with values of {@code variant}. */
    public static Object of(Class<?> type, Variant variant) {
        return of(type, variant, Set.of());
    }

    /**
     * As {@link #of(Class, Variant)}, but the sparse variant keeps a value in every component named in
     * {@code required} (the fields the API requires), so that the event is one the API could have produced.
     */
    public static Object of(Class<?> type, Variant variant, Set<String> required) {
        return new Builder(variant, required).value(type, type, "", 0);
    }

    /** The enum types any event holds, directly or nested, so that each of their constants can be checked. */
    public static Set<Class<?>> enumTypes(Class<?> type) {
        Set<Class<?>> enums = new LinkedHashSet<>();
        collectEnums(type, enums, new LinkedHashSet<>());
        return enums;
    }

    private static void collectEnums(Type type, Set<Class<?>> enums, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectEnums(argument, enums, seen);
            }
        } else if (type instanceof Class<?> raw) {
            if (raw.isEnum()) {
                enums.add(raw);
            } else if (raw.isRecord()) {
                for (RecordComponent component : raw.getRecordComponents()) {
                    collectEnums(component.getGenericType(), enums, seen);
                }
            }
        }
    }

    /** Builds values of one variant; {@code ordinal} tells the elements of a list apart. */
    private record Builder(Variant variant, Set<String> required) {

        private Object value(Type type, Class<?> owner, String name, int ordinal) {
            Class<?> raw = raw(type);
            boolean full = variant != Variant.SPARSE;
            boolean extreme = variant == Variant.EXTREME;
            if (raw == String.class) {
                return identifier(owner, name) ? idFor(owner, name, ordinal)
                        : full ? text(RequestReader.MAX_TEXT_LENGTH) : "";
            }
            if (raw == Sealed.class) {
                return new Sealed(full ? sealedText(RequestReader.MAX_TEXT_LENGTH) : sealedText(0));
            }
            if (raw == LocalDate.class) {
                return extreme ? LocalDate.MAX : full ? RequestReader.LATEST_DATE : RequestReader.EARLIEST_DATE;
            }
            if (raw == Instant.class) {
                return extreme ? Instant.MAX : full ? Instant.parse("2199-12-31T23:59:59.999999999Z")
                        : Instant.parse("1900-01-01T00:00:00Z");
            }
            if (raw == int.class || raw == Integer.class) {
                return extreme ? Integer.MAX_VALUE : full ? 100 : 0;
            }
            if (raw == long.class || raw == Long.class) {
                return extreme ? Long.MAX_VALUE : full ? 9_007_199_254_740_993L : 0L;
            }
            if (raw == double.class || raw == Double.class) {
                return extreme ? Double.MAX_VALUE : full ? 0.1 + 0.2 : Double.MIN_VALUE;
            }
            if (raw == BigDecimal.class) {
                return full ? new BigDecimal("123456789012345678901234567890.123456789012345678901234567890")
                        : new BigDecimal("-0.000000000000000000000000000001");
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return full;
            }
            if (raw.isEnum()) {
                Object[] constants = raw.getEnumConstants();
                return full ? constants[constants.length - 1] : constants[0];
            }
            if (raw == List.class || raw == Set.class) {
                Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
                if (!full) {
                    return raw == List.class ? List.of() : Set.of();
                }
                return raw == List.class ? List.of(value(element, owner, name, 1), value(element, owner, name, 2))
                        : Set.of(value(element, owner, name, 1));
            }
            if (raw == Map.class) {
                Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
                return full ? Map.of(text(500), value(valueType, owner, name, 1)) : Map.of();
            }
            if (raw.isRecord()) {
                return record(raw, ordinal);
            }
            throw new IllegalStateException("no edge values for " + type + " in " + owner.getSimpleName() + "." + name
                    + ": teach EdgeValues this type");
        }

        private Object record(Class<?> type, int ordinal) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i].getGenericType(), type, components[i].getName(), ordinal);
            }
            if (variant == Variant.SPARSE) {
                // a null wherever the record accepts one, but never for the aggregate's id or an id value type
                for (int i = 0; i < components.length; i++) {
                    boolean aggregateId = i == 0 && type.isAnnotationPresent(EventRevision.class);
                    Class<?> componentType = components[i].getType();
                    if (componentType.isPrimitive() || aggregateId || required(components[i])
                            || componentType.getSimpleName().endsWith("Id")) {
                        continue;
                    }
                    Object kept = values[i];
                    values[i] = null;
                    if (construct(type, values) == null) {
                        values[i] = kept;
                    }
                }
            }
            Object instance = construct(type, values);
            if (instance == null) {
                throw new IllegalStateException(type.getSimpleName() + " refuses its " + variant + " edge values");
            }
            return instance;
        }

        /** Required by the API itself, or a group of values of which the API requires one (an organisation's name). */
        private boolean required(RecordComponent component) {
            return required.contains(component.getName()) || component.getType().isRecord()
                    && Arrays.stream(component.getType().getRecordComponents()).anyMatch(this::required);
        }

        /**
         * The same id wherever the same kind of id is named (an {@code OrganisationId} and a field
         * {@code organisationId} alike), so that events meet; other kinds (a {@code leadOrganisationId}) differ,
         * and the elements of a list get ids of their own. Full ids have the maximum length, sparse ones are short.
         */
        private String idFor(Class<?> owner, String name, int ordinal) {
            String type = owner.getSimpleName();
            String kind = type.endsWith("Id") && name.equals("value")
                    ? type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1)
                    : name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
            String id = kind + (ordinal == 0 ? "" : "-" + ordinal);
            return variant == Variant.SPARSE ? id : (id + "_" + ID_CHARACTERS).substring(0, 64);
        }
    }

    private static Object construct(Class<?> type, Object[] values) {
        Class<?>[] parameterTypes = new Class<?>[values.length];
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException refused) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids are opaque tokens of at most 64 characters; their records and fields named as ids hold them. */
    private static boolean identifier(Class<?> owner, String name) {
        return owner.getSimpleName().endsWith("Id") || name.endsWith("Id") || name.endsWith("Ids")
                || name.equals("duplicateOf");
    }

    /** What a sealed text of {@code characters} characters looks like: its UTF-8 bytes (at most 4 each), encrypted. */
    private static String sealedText(int characters) {
        byte[] bytes = new byte[12 + characters * 4 + 16];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return "v1." + Base64.getEncoder().encodeToString(bytes);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        throw new IllegalStateException("no edge values for " + type);
    }
}
