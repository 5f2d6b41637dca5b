package ro.cluj.crt.command.commitment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.vocabulary.AssessmentLevel;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.ProgressStatus;

/** The bodies of the commitment endpoints. */
final class CommitmentRequests {

    private CommitmentRequests() {
    }

    record Making(String id, @NotBlank String leadOrganisationId, @Size(max = 50) List<@NotBlank String> coSignerIds,
                  @NotBlank @Size(max = 500) String title, String description, @NotNull Field field,
                  @NotNull CommitmentKind kind, @Valid Origin origin, @NotNull LocalDate startDate,
                  @NotNull LocalDate targetDate, @Size(max = 100) @Valid List<MilestoneRequest> milestones) {
    }

    record Origin(@Size(max = 64) String sessionId, @Size(max = 50) List<@NotBlank @Size(max = 64) String> lessonIds) {
    }

    /** A milestone; without an {@code id} it gets one derived from the commitment and its place. */
    record MilestoneRequest(@Size(max = 64) String id, @NotBlank @Size(max = 500) String title,
                            @NotNull LocalDate dueDate) {
    }

    record Rescheduling(@NotNull LocalDate dueDate, @NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    record Achievement(@NotNull LocalDate achievedOn, @Size(max = 50) List<@Size(max = 2000) String> evidence) {
    }

    /** @param reportedFor the date the report is about (when it happened); today when left out */
    record Progress(@NotNull ProgressStatus status, @Min(0) @Max(100) Integer percentage, String note,
                    @Size(max = 50) List<@Size(max = 2000) String> evidence, LocalDate reportedFor,
                    @Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    record Revision(@NotNull RevisablePart part, @NotBlank String value,
                    @NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {
    }

    record Review(@NotNull AssessmentLevel assessment, String note, LocalDate reviewedFor) {
    }

    record CoSigner(@NotBlank @Size(max = 64) String organisationId) {
    }

    record Fulfilment(LocalDate fulfilledOn, String note, @Size(max = 50) List<@Size(max = 2000) String> evidence) {
    }

    record Reasoned(@NotBlank @Size(max = Reasons.MAX_LENGTH) String reason) {
    }
}
