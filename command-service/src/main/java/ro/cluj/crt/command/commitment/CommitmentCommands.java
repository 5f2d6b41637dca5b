package ro.cluj.crt.command.commitment;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import ro.cluj.crt.events.commitment.CommitmentOrigin;
import ro.cluj.crt.events.commitment.Milestone;
import ro.cluj.crt.events.vocabulary.AssessmentLevel;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.ProgressStatus;

/**
 * The commands of the commitment aggregate. Every change after the first carries the version it was based on (null
 * to apply it after whatever came before); those that check a date against today carry today's date in Cluj.
 */
public final class CommitmentCommands {

    private CommitmentCommands() {
    }

    public record MakeCommitment(@TargetAggregateIdentifier String commitmentId, String leadOrganisationId,
                                 List<String> coSignerIds, String title, String description, Field field,
                                 CommitmentKind kind, CommitmentOrigin origin, LocalDate startDate,
                                 LocalDate targetDate, List<Milestone> milestones) {
    }

    public record AddMilestone(@TargetAggregateIdentifier String commitmentId,
                               @TargetAggregateVersion Long expectedVersion, Milestone milestone) {
    }

    public record RescheduleMilestone(@TargetAggregateIdentifier String commitmentId,
                                      @TargetAggregateVersion Long expectedVersion, String milestoneId,
                                      LocalDate dueDate, String reason) {
    }

    public record AchieveMilestone(@TargetAggregateIdentifier String commitmentId,
                                   @TargetAggregateVersion Long expectedVersion, String milestoneId,
                                   LocalDate achievedOn, List<String> evidence, LocalDate today) {
    }

    public record ReportProgress(@TargetAggregateIdentifier String commitmentId,
                                 @TargetAggregateVersion Long expectedVersion, ProgressStatus status,
                                 Integer percentage, String note, List<String> evidence, LocalDate reportedFor,
                                 String reason, LocalDate today) {
    }

    public record ReviseCommitment(@TargetAggregateIdentifier String commitmentId,
                                   @TargetAggregateVersion Long expectedVersion, RevisablePart part, String value,
                                   String reason) {
    }

    public record ReviewCommitment(@TargetAggregateIdentifier String commitmentId,
                                   @TargetAggregateVersion Long expectedVersion, AssessmentLevel assessment,
                                   String note, LocalDate reviewedFor, LocalDate today) {
    }

    public record AddCoSigner(@TargetAggregateIdentifier String commitmentId,
                              @TargetAggregateVersion Long expectedVersion, String organisationId) {
    }

    public record WithdrawCoSigner(@TargetAggregateIdentifier String commitmentId,
                                   @TargetAggregateVersion Long expectedVersion, String organisationId,
                                   String reason) {
    }

    public record FulfilCommitment(@TargetAggregateIdentifier String commitmentId,
                                   @TargetAggregateVersion Long expectedVersion, LocalDate fulfilledOn, String note,
                                   List<String> evidence, LocalDate today) {
    }

    public record AbandonCommitment(@TargetAggregateIdentifier String commitmentId,
                                    @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    public record ReopenCommitment(@TargetAggregateIdentifier String commitmentId,
                                   @TargetAggregateVersion Long expectedVersion, String reason) {
    }
}
