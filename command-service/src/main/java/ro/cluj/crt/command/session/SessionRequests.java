package ro.cluj.crt.command.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.ParticipantRole;
import ro.cluj.crt.events.vocabulary.SupportKind;

/** The bodies of the working session endpoints. */
final class SessionRequests {

    private static final int MAX_ITEMS = 100;
    private static final int MAX_NOTE = 2_000;

    private SessionRequests() {
    }

    /** A session on a topic at a place, a link or both; the date may be in the future. */
    @VenueGiven
    record Scheduling(String id, @NotBlank @Size(max = 500) String topic, @NotNull LocalDate date,
                      @Size(max = 500) String place, @Size(max = 2000) String link,
                      @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = 64) String> lessonIds) {
    }

    record Rescheduling(@NotNull LocalDate date, @NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    record Reasoned(@NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    /**
     * An organisation taking part, in a role, and the position held where it matters ("deputy mayor"). There is no
     * field for a person's name: decision-makers are recorded by position and organisation.
     */
    record Participation(@Size(max = 64) String id, @NotBlank @Size(max = 64) String organisationId,
                         @NotNull ParticipantRole role, @Size(max = 200) String positionTitle) {
    }

    record Withdrawal(@Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    /** @param heldOn the day it took place; today (in Cluj) when left out */
    record Holding(LocalDate heldOn) {
    }

    record Outcomes(@Size(max = MAX_ITEMS) List<@NotBlank String> recommendations,
                    @Size(max = MAX_ITEMS) @Valid List<@NotNull SupportNeed> supportNeeds,
                    @Size(max = MAX_ITEMS) @Valid List<@NotNull Volunteer> volunteeredSupport,
                    @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = 64) String> commitmentIds) {
    }

    record SupportNeed(@NotNull SupportKind kind, @Size(max = MAX_NOTE) String note) {
    }

    record Volunteer(@NotBlank @Size(max = 64) String organisationId, @NotNull Field field,
                     @Size(max = MAX_NOTE) String note) {
    }
}
