package ro.cluj.crt.events.commitment;

import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;

/**
 * Staff recorded a commitment: by one organisation (no co-signers), or by a lead organisation and co-signers. The
 * organisations are named by id; milestones fall between {@code startDate} and {@code targetDate}.
 */
@EventRevision("1")
public record CommitmentMade(CommitmentId commitmentId, String leadOrganisationId, List<String> coSignerIds,
                             String title, String description, Field field, CommitmentKind kind,
                             CommitmentOrigin origin, LocalDate startDate, LocalDate targetDate,
                             List<Milestone> milestones) implements CommitmentEvent {

    public CommitmentMade {
        coSignerIds = coSignerIds == null ? List.of() : List.copyOf(coSignerIds);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }
}
