package ro.cluj.crt.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import ro.cluj.crt.events.organisation.OrganisationDetails;
import ro.cluj.crt.support.store.StorageSerialization;

/** A parked event's error keeps its kind and where it happened, never the values it quoted. */
class SafeCausesTest {

    private static final String PERSONAL = "Ioana Data-Personala ioana@example.ro";

    @Test
    void aDatabaseErrorKeepsItsStateButNotItsText() {
        SQLException sql = new SQLException("Key (email)=(" + PERSONAL + ") already exists", "23505");
        ThrowableCause cause = SafeCauses.of(new DataIntegrityViolationException("insert failed: " + PERSONAL, sql));

        assertThat(cause.type()).isEqualTo(DataIntegrityViolationException.class.getName());
        assertThat(cause.message()).contains("SQL state 23505").doesNotContain("Ioana", "example.ro");
    }

    @Test
    void anUnreadablePayloadNamesThePathButNotTheValue() {
        byte[] payload = ("{\"name\":\"" + PERSONAL + "\",\"sector\":\"" + PERSONAL + "\"}").getBytes();
        Throwable failure = catchReading(payload);

        ThrowableCause cause = SafeCauses.of(new SerializationException("cannot deserialize", failure));

        assertThat(cause.message()).isEqualTo("the event's payload cannot be read at sector");
    }

    @Test
    void messagesOfTheJdkAndOfTheTrackerAreKeptAndShortened() {
        assertThat(SafeCauses.of(new IllegalStateException("organisation 42 has no such interview")).message())
                .isEqualTo("organisation 42 has no such interview");
        assertThat(SafeCauses.of(new IllegalArgumentException("x".repeat(2_000))).message())
                .hasSize(SafeCauses.MAX_MESSAGE);
        assertThat(SafeCauses.of(new NullPointerException()).message()).isEqualTo("no message");
    }

    @Test
    void messagesOfOtherLibrariesAreWithheld() {
        ThrowableCause cause = SafeCauses.of(new org.springframework.dao.DataRetrievalFailureException(PERSONAL));

        assertThat(cause.message()).isEqualTo(SafeCauses.WITHHELD);
        assertThat(cause.type()).endsWith("DataRetrievalFailureException");
    }

    private static Throwable catchReading(byte[] payload) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> StorageSerialization.storageMapper().readValue(payload, OrganisationDetails.class))
                .satisfies(failure -> caught[0] = failure);
        return caught[0];
    }
}
