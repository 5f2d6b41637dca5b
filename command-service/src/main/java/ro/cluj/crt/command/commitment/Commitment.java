package ro.cluj.crt.command.commitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.cluj.crt.command.commitment.CommitmentCommands.AbandonCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.AchieveMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.AddCoSigner;
import ro.cluj.crt.command.commitment.CommitmentCommands.AddMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.FulfilCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.MakeCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReopenCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReportProgress;
import ro.cluj.crt.command.commitment.CommitmentCommands.RescheduleMilestone;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReviewCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReviseCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.WithdrawCoSigner;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.command.write.Reasons;
import ro.cluj.crt.events.EventRevision;
import ro.cluj.crt.events.commitment.CoSignerAdded;
import ro.cluj.crt.events.commitment.CoSignerWithdrawn;
import ro.cluj.crt.events.commitment.CommitmentAbandoned;
import ro.cluj.crt.events.commitment.CommitmentFulfilled;
import ro.cluj.crt.events.commitment.CommitmentId;
import ro.cluj.crt.events.commitment.CommitmentMade;
import ro.cluj.crt.events.commitment.CommitmentReopened;
import ro.cluj.crt.events.commitment.CommitmentReviewed;
import ro.cluj.crt.events.commitment.CommitmentRevised;
import ro.cluj.crt.events.commitment.Milestone;
import ro.cluj.crt.events.commitment.MilestoneAchieved;
import ro.cluj.crt.events.commitment.MilestoneAdded;
import ro.cluj.crt.events.commitment.MilestoneMissed;
import ro.cluj.crt.events.commitment.MilestoneRescheduled;
import ro.cluj.crt.events.commitment.ProgressReported;
import ro.cluj.crt.events.commitment.TargetDateMissed;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.support.web.ConflictException;
import ro.cluj.crt.support.web.InvalidRequestException;
import ro.cluj.crt.support.web.NotFoundException;
import ro.cluj.crt.support.web.RuleViolationException;

/**
 * A commitment made at a working session and followed for years. Nothing changes after it is fulfilled or abandoned
 * except that it is reopened; milestones fall within its span; reported percentages never drop without a reason.
 * When a milestone's due date or the target date passes unmet, the commitment records it itself, once.
 *
 * <p>Its fields are also its snapshot ({@link CommitmentSnapshots}), stored as JSON field by field: raise the
 * revision when a field changes, and older snapshots are ignored. Open milestones are kept sorted by id, because the
 * storage serializer writes map entries sorted and a snapshot must load into exactly the state it was taken from.
 */
@Aggregate(snapshotTriggerDefinition = CommitmentSnapshots.TRIGGER, snapshotFilter = CommitmentSnapshots.FILTER)
@EventRevision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public class Commitment {

    @AggregateIdentifier
    private String commitmentId;
    private String leadOrganisationId;
    private final Set<String> coSigners = new HashSet<>();
    private String title;
    private String description;
    private Field field;
    private CommitmentKind kind;
    private LocalDate startDate;
    private LocalDate targetDate;
    private final NavigableMap<String, LocalDate> openMilestones = new TreeMap<>();
    private final Set<String> achievedMilestones = new HashSet<>();
    private final Set<String> missed = new HashSet<>();
    private Integer lastPercentage;
    private State state;
    /** What the commitment was made with, to recognise a repeated create. */
    private MakeCommitment made;

    private static final int MAX_TITLE = 500;

    private enum State { OPEN, FULFILLED, ABANDONED }

    protected Commitment() {
        // for Axon: a commitment is rebuilt from its events
    }

    /**
     * Makes the commitment; the same command again (same id, same content) answers as the first time, the same id
     * with other content is a conflict.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(MakeCommitment command, DeadlineManager deadlines) {
        if (commitmentId != null) {
            if (!command.equals(made)) {
                throw new ConflictException("made", "a commitment with this id was made with different content");
            }
            return new CommandOutcome.Repeated(commitmentId);
        }
        if (command.targetDate().isBefore(command.startDate())) {
            throw new RuleViolationException("target-after-start", "targetDate", "the target date is before the start");
        }
        if (command.coSignerIds().contains(command.leadOrganisationId())) {
            throw new RuleViolationException("lead-is-no-co-signer", "coSignerIds",
                    "the lead organisation cannot also be a co-signer");
        }
        List<Milestone> milestones = command.milestones();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            if (!ids.add(milestones.get(i).milestoneId())) {
                throw new InvalidRequestException("milestones[" + i + "].id", "is used by another milestone");
            }
            requireWithinSpan(milestones.get(i).dueDate(), command.startDate(), command.targetDate(),
                    "milestones[" + i + "].dueDate");
        }
        apply(new CommitmentMade(CommitmentId.of(command.commitmentId()), command.leadOrganisationId(),
                command.coSignerIds(), command.title(), command.description(), command.field(), command.kind(),
                command.origin(), command.startDate(), command.targetDate(), milestones));
        Deadlines.target(deadlines, command.commitmentId(), command.targetDate());
        milestones.forEach(milestone -> Deadlines.milestone(deadlines, command.commitmentId(),
                milestone.milestoneId(), milestone.dueDate()));
        return null;
    }

    @CommandHandler
    public void handle(AddMilestone command, DeadlineManager deadlines) {
        requireOpen();
        Milestone milestone = command.milestone();
        if (openMilestones.containsKey(milestone.milestoneId())
                || achievedMilestones.contains(milestone.milestoneId())) {
            throw new ConflictException("milestone-exists", "the commitment already has a milestone with this id");
        }
        requireWithinSpan(milestone.dueDate(), startDate, targetDate, "dueDate");
        apply(new MilestoneAdded(id(), milestone));
        Deadlines.milestone(deadlines, commitmentId, milestone.milestoneId(), milestone.dueDate());
    }

    @CommandHandler
    public void handle(RescheduleMilestone command, DeadlineManager deadlines) {
        requireOpen();
        Reasons.require(command.reason());
        LocalDate previous = openMilestone(command.milestoneId());
        requireWithinSpan(command.dueDate(), startDate, targetDate, "dueDate");
        apply(new MilestoneRescheduled(id(), command.milestoneId(), previous, command.dueDate(), command.reason()));
        Deadlines.milestone(deadlines, commitmentId, command.milestoneId(), command.dueDate());
    }

    @CommandHandler
    public void handle(AchieveMilestone command) {
        requireOpen();
        openMilestone(command.milestoneId());
        requireNotAfter(command.achievedOn(), command.today(), "achievedOn");
        apply(new MilestoneAchieved(id(), command.milestoneId(), command.achievedOn(), command.evidence()));
    }

    @CommandHandler
    public void handle(ReportProgress command) {
        requireOpen();
        requireNotAfter(command.reportedFor(), command.today(), "reportedFor");
        Integer percentage = command.percentage();
        if (percentage != null && (percentage < 0 || percentage > 100)) {
            throw new InvalidRequestException("percentage", "must be between 0 and 100");
        }
        boolean drops = percentage != null && lastPercentage != null && percentage < lastPercentage;
        if (drops && (command.reason() == null || command.reason().isBlank())) {
            throw new RuleViolationException("percentage-drop-needs-reason", "reason",
                    "the percentage is lower than the last one reported (" + lastPercentage + "): say why");
        }
        apply(new ProgressReported(id(), command.status(), percentage, command.note(), command.evidence(),
                command.reportedFor(), command.reason()));
    }

    @CommandHandler
    public void handle(ReviseCommitment command, DeadlineManager deadlines) {
        requireOpen();
        Reasons.require(command.reason());
        String previous = current(command.part());
        String value = checked(command.part(), command.value());
        if (Objects.equals(previous, value)) {
            throw new RuleViolationException("revision-changes-something", "value", "the value is the current one");
        }
        apply(new CommitmentRevised(id(), command.part().code(), previous, value, command.reason()));
        if (command.part() == RevisablePart.TARGET_DATE) {
            Deadlines.target(deadlines, commitmentId, targetDate);
        }
    }

    @CommandHandler
    public void handle(ReviewCommitment command) {
        requireNotAfter(command.reviewedFor(), command.today(), "reviewedFor");
        apply(new CommitmentReviewed(id(), command.assessment(), command.note(), command.reviewedFor()));
    }

    @CommandHandler
    public void handle(AddCoSigner command) {
        requireOpen();
        if (command.organisationId().equals(leadOrganisationId) || coSigners.contains(command.organisationId())) {
            throw new ConflictException("co-signer", "the organisation is already part of the commitment");
        }
        apply(new CoSignerAdded(id(), command.organisationId()));
    }

    @CommandHandler
    public void handle(WithdrawCoSigner command) {
        requireOpen();
        Reasons.require(command.reason());
        if (!coSigners.contains(command.organisationId())) {
            throw new NotFoundException("the organisation is not a co-signer of the commitment");
        }
        apply(new CoSignerWithdrawn(id(), command.organisationId(), command.reason()));
    }

    @CommandHandler
    public void handle(FulfilCommitment command) {
        requireOpen();
        requireNotAfter(command.fulfilledOn(), command.today(), "fulfilledOn");
        apply(new CommitmentFulfilled(id(), command.fulfilledOn(), command.note(), command.evidence()));
    }

    @CommandHandler
    public void handle(AbandonCommitment command) {
        requireOpen();
        Reasons.require(command.reason());
        apply(new CommitmentAbandoned(id(), command.reason()));
    }

    @CommandHandler
    public void handle(ReopenCommitment command, DeadlineManager deadlines) {
        Reasons.require(command.reason());
        if (state == State.OPEN) {
            throw new ConflictException("open", "the commitment is open");
        }
        apply(new CommitmentReopened(id(), command.reason()));
        Deadlines.target(deadlines, commitmentId, targetDate);
        openMilestones.forEach((milestoneId, due) -> Deadlines.milestone(deadlines, commitmentId, milestoneId, due));
    }

    /** A deadline that fired for a date that has since moved, or fires again, changes nothing. */
    @DeadlineHandler(deadlineName = Deadlines.MILESTONE)
    void on(Deadlines.MilestoneDue due) {
        if (state == State.OPEN && due.dueDate().equals(openMilestones.get(due.milestoneId()))
                && !missed.contains(due.milestoneId() + "@" + due.dueDate())) {
            apply(new MilestoneMissed(id(), due.milestoneId(), due.dueDate()));
        }
    }

    @DeadlineHandler(deadlineName = Deadlines.TARGET)
    void on(Deadlines.TargetDue due) {
        if (state == State.OPEN && due.targetDate().equals(targetDate) && !missed.contains("target@" + targetDate)) {
            apply(new TargetDateMissed(id(), due.targetDate()));
        }
    }

    private CommitmentId id() {
        return CommitmentId.of(commitmentId);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            String name = state.name().toLowerCase();
            throw new ConflictException(name, "the commitment is " + name + "; reopen it first");
        }
    }

    private LocalDate openMilestone(String milestoneId) {
        if (achievedMilestones.contains(milestoneId)) {
            throw new ConflictException("achieved", "the milestone is achieved");
        }
        LocalDate due = openMilestones.get(milestoneId);
        if (due == null) {
            throw new NotFoundException("the commitment has no milestone with this id");
        }
        return due;
    }

    private static void requireWithinSpan(LocalDate date, LocalDate start, LocalDate target, String fieldName) {
        if (date.isBefore(start) || date.isAfter(target)) {
            throw new RuleViolationException("milestone-within-span", fieldName,
                    "a milestone falls between the start date (" + start + ") and the target date (" + target + ")");
        }
    }

    private static void requireNotAfter(LocalDate date, LocalDate today, String fieldName) {
        if (date.isAfter(today)) {
            throw new InvalidRequestException(fieldName, "must not be in the future (Cluj time)");
        }
    }

    private String current(RevisablePart part) {
        return switch (part) {
            case TITLE -> title;
            case DESCRIPTION -> description;
            case FIELD -> field.code();
            case KIND -> kind.code();
            case START_DATE -> startDate.toString();
            case TARGET_DATE -> targetDate.toString();
        };
    }

    /** The revised value in its stored form, after checking it fits the part and the commitment's span. */
    private String checked(RevisablePart part, String value) {
        try {
            return switch (part) {
                case TITLE -> limited(value, MAX_TITLE);
                case DESCRIPTION -> value;
                case FIELD -> Field.fromCode(value).code();
                case KIND -> CommitmentKind.fromCode(value).code();
                case START_DATE -> spanChecked(LocalDate.parse(value), targetDate, LocalDate.parse(value));
                case TARGET_DATE -> spanChecked(startDate, LocalDate.parse(value), LocalDate.parse(value));
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidRequestException("value", "is not a valid " + part.code());
        }
    }

    private static String limited(String value, int limit) {
        if (value.length() > limit) {
            throw new InvalidRequestException("value", "a title has at most " + limit + " characters");
        }
        return value;
    }

    /** {@code revised}, once the span it gives keeps the start before the target and every open milestone in it. */
    private String spanChecked(LocalDate start, LocalDate target, LocalDate revised) {
        if (target.isBefore(start)) {
            throw new RuleViolationException("target-after-start", "value", "the target date is before the start");
        }
        for (LocalDate due : openMilestones.values()) {
            requireWithinSpan(due, start, target, "value");
        }
        return revised.toString();
    }

    @EventSourcingHandler
    void on(CommitmentMade event) {
        made = new MakeCommitment(event.commitmentId().value(), event.leadOrganisationId(), event.coSignerIds(),
                event.title(), event.description(), event.field(), event.kind(), event.origin(), event.startDate(),
                event.targetDate(), event.milestones());
        commitmentId = event.commitmentId().value();
        leadOrganisationId = event.leadOrganisationId();
        coSigners.addAll(event.coSignerIds());
        title = event.title();
        description = event.description();
        field = event.field();
        kind = event.kind();
        startDate = event.startDate();
        targetDate = event.targetDate();
        event.milestones().forEach(milestone -> openMilestones.put(milestone.milestoneId(), milestone.dueDate()));
        state = State.OPEN;
    }

    @EventSourcingHandler
    void on(MilestoneAdded event) {
        openMilestones.put(event.milestone().milestoneId(), event.milestone().dueDate());
    }

    @EventSourcingHandler
    void on(MilestoneRescheduled event) {
        openMilestones.put(event.milestoneId(), event.dueDate());
    }

    @EventSourcingHandler
    void on(MilestoneAchieved event) {
        openMilestones.remove(event.milestoneId());
        achievedMilestones.add(event.milestoneId());
    }

    @EventSourcingHandler
    void on(ProgressReported event) {
        if (event.percentage() != null) {
            lastPercentage = event.percentage();
        }
    }

    @EventSourcingHandler
    void on(CommitmentRevised event) {
        switch (RevisablePart.fromCode(event.part())) {
            case TITLE -> title = event.value();
            case DESCRIPTION -> description = event.value();
            case FIELD -> field = Field.fromCode(event.value());
            case KIND -> kind = CommitmentKind.fromCode(event.value());
            case START_DATE -> startDate = LocalDate.parse(event.value());
            case TARGET_DATE -> targetDate = LocalDate.parse(event.value());
        }
    }

    @EventSourcingHandler
    void on(MilestoneMissed event) {
        missed.add(event.milestoneId() + "@" + event.dueDate());
    }

    @EventSourcingHandler
    void on(TargetDateMissed event) {
        missed.add("target@" + event.targetDate());
    }

    @EventSourcingHandler
    void on(CoSignerAdded event) {
        coSigners.add(event.organisationId());
    }

    @EventSourcingHandler
    void on(CoSignerWithdrawn event) {
        coSigners.remove(event.organisationId());
    }

    @EventSourcingHandler
    void on(CommitmentFulfilled event) {
        state = State.FULFILLED;
    }

    @EventSourcingHandler
    void on(CommitmentAbandoned event) {
        state = State.ABANDONED;
    }

    @EventSourcingHandler
    void on(CommitmentReopened event) {
        state = State.OPEN;
    }
}
