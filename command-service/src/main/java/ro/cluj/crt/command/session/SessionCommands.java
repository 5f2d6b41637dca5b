package ro.cluj.crt.command.session;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import ro.cluj.crt.events.session.IdentifiedSupportNeed;
import ro.cluj.crt.events.session.VolunteeredSupport;
import ro.cluj.crt.events.vocabulary.ParticipantRole;

/**
 * The commands of the working session aggregate. Every change after scheduling carries the version it was based on
 * (null to apply it after whatever came before); recording that a session was held carries today's date in Cluj.
 */
public final class SessionCommands {

    private SessionCommands() {
    }

    public record ScheduleSession(@TargetAggregateIdentifier String sessionId, String topic, LocalDate date,
                                  String place, String link, List<String> lessonIds) {
    }

    public record RescheduleSession(@TargetAggregateIdentifier String sessionId,
                                    @TargetAggregateVersion Long expectedVersion, LocalDate date, String reason) {
    }

    public record CancelSession(@TargetAggregateIdentifier String sessionId,
                                @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    public record RegisterParticipant(@TargetAggregateIdentifier String sessionId,
                                      @TargetAggregateVersion Long expectedVersion, String participantId,
                                      String organisationId, ParticipantRole role, String positionTitle) {
    }

    public record WithdrawParticipant(@TargetAggregateIdentifier String sessionId,
                                      @TargetAggregateVersion Long expectedVersion, String participantId,
                                      String reason) {
    }

    public record RecordSessionHeld(@TargetAggregateIdentifier String sessionId,
                                    @TargetAggregateVersion Long expectedVersion, LocalDate heldOn,
                                    LocalDate today) {
    }

    public record RecordOutcomes(@TargetAggregateIdentifier String sessionId,
                                 @TargetAggregateVersion Long expectedVersion, List<String> recommendations,
                                 List<IdentifiedSupportNeed> supportNeeds,
                                 List<VolunteeredSupport> volunteeredSupport, List<String> commitmentIds) {
    }
}
