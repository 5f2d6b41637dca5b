package ro.cluj.crt.support.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import ro.cluj.crt.events.EventRevision;

/**
 * Every event type survives the production storage serializer with edge values: written by one service's configured
 * event serializer (as the command side stores it) and read by another instance (as the query side reads it), it is
 * equal to what was written, and writing it again gives the same bytes.
 */
class StorageRoundTripTest {

    private static AnnotationConfigApplicationContext commandSide;
    private static AnnotationConfigApplicationContext querySide;

    @BeforeAll
    static void startBothSides() {
        commandSide = new AnnotationConfigApplicationContext(StorageSerialization.class);
        querySide = new AnnotationConfigApplicationContext(StorageSerialization.class);
    }

    @AfterAll
    static void stopBothSides() {
        commandSide.close();
        querySide.close();
    }

    static Stream<Arguments> edgeEvents() {
        return EdgeValues.eventTypes().stream().flatMap(type -> Arrays.stream(EdgeValues.Variant.values())
                .map(variant -> Arguments.of(type.getSimpleName(), variant, EdgeValues.of(type, variant))));
    }

    @Test
    void theScanFindsEveryEventTypeOfEachContext() {
        List<Class<?>> types = EdgeValues.eventTypes();
        assertThat(types).allSatisfy(type -> assertThat(type).hasAnnotation(EventRevision.class));
        assertThat(types.stream().map(Class::getPackageName).distinct()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(types).extracting(Class::getSimpleName)
                .contains("OrganisationRegistered", "CommitmentMade", "InitiativeRecommended", "EditionPublished",
                        "PersonErased", "SessionScheduled", "LessonDrafted", "InterviewRecorded");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("edgeEvents")
    void roundTripsThroughTheStorageSerializer(String name, EdgeValues.Variant variant, Object event) {
        SerializedObject<byte[]> stored = serializer(commandSide).serialize(event, byte[].class);
        Object read = serializer(querySide).deserialize(stored);

        assertThat(read).isEqualTo(event);
        assertThat(serializer(querySide).serialize(read, byte[].class).getData()).isEqualTo(stored.getData());
        assertThat(stored.getType().getRevision())
                .isEqualTo(event.getClass().getAnnotation(EventRevision.class).value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vocabularies")
    void everyVocabularyValueRoundTrips(String name, Class<?> vocabulary) {
        Serializer serializer = serializer(commandSide);
        for (Object value : vocabulary.getEnumConstants()) {
            Object read = serializer(querySide).deserialize(serializer.serialize(value, byte[].class));
            assertThat(read).isEqualTo(value);
        }
    }

    static Stream<Arguments> vocabularies() {
        return EdgeValues.eventTypes().stream().flatMap(type -> EdgeValues.enumTypes(type).stream()).distinct()
                .map(type -> Arguments.of(type.getSimpleName(), type));
    }

    @Test
    void maximumTextsAreExactlyAtTheLimitAndWhole() {
        String text = EdgeValues.text(32_000);
        assertThat(text).hasSize(32_000).contains("🌍", "ăâîșț", "\n", "\r", "\t", "\u2028");
        assertThat(Character.isHighSurrogate(text.charAt(text.length() - 1))).isFalse();
    }

    /** The serializer the services store and read events with (the bean qualified "eventSerializer"). */
    private static Serializer serializer(AnnotationConfigApplicationContext side) {
        return side.getBean("eventSerializer", Serializer.class);
    }
}
