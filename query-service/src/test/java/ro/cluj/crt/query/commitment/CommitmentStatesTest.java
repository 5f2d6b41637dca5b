package ro.cluj.crt.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ro.cluj.crt.events.api.CommitmentState;
import ro.cluj.crt.query.config.ViewJson;

/**
 * The dashboard folds each event into the state it stored as JSON; the timeline folds all events at once. Both must
 * give the same state, and the state must follow the commitment rules the timeline shows.
 */
class CommitmentStatesTest {

    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };
    private static final TypeReference<CommitmentState> STATE = new TypeReference<>() { };
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private final List<CommitmentStates.Step> steps = new ArrayList<>();

    @Test
    void foldingStepByStepThroughStoredJsonEqualsFoldingTheWholeTimeline() {
        history();

        CommitmentState stored = null;
        for (CommitmentStates.Step step : steps) {
            CommitmentState next = CommitmentStates.next(stored, "c-1", step, TODAY);
            stored = ViewJson.read(ViewJson.write(next), STATE);
            assertThat(stored).as("after %s", step.type())
                    .isEqualTo(CommitmentStates.fold("c-1", steps.subList(0, steps.indexOf(step) + 1), TODAY));
        }
        assertThat(stored.lastSequence()).isEqualTo(steps.size() - 1);
    }

    @Test
    void theStateShowsRevisionsCoSignersMilestonesProgressAndClosing() {
        history();

        CommitmentState state = CommitmentStates.fold("c-1", steps, TODAY);

        assertThat(state.title()).isEqualTo("Scale the food bank network to every district");
        assertThat(state.sessionId()).isEqualTo("ws-1");
        assertThat(state.lessonIds()).containsExactly("lesson-1");
        assertThat(state.coSignerIds()).containsExactly("org-3");
        assertThat(state.milestones()).extracting(CommitmentState.MilestoneState::status)
                .containsExactly("open", "achieved");
        assertThat(state.milestones().getFirst().dueDate()).as("rescheduled after it was missed")
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(state.latestProgress().percentage()).isEqualTo(60);
        assertThat(state.latestReview().assessment()).isEqualTo("substantial");
        assertThat(state.status()).isEqualTo("open");
        assertThat(state.late()).isFalse();
        assertThat(CommitmentDashboardProjection.nextDueDate(state)).isEqualTo(LocalDate.of(2027, 3, 1));

        add("CommitmentFulfilled", Map.of("fulfilledOn", "2027-02-01"));
        CommitmentState fulfilled = CommitmentStates.fold("c-1", steps, TODAY);
        assertThat(fulfilled.status()).isEqualTo("fulfilled");
        assertThat(CommitmentDashboardProjection.nextDueDate(fulfilled)).as("nothing is due once closed").isNull();
    }

    @Test
    void aMissedMilestoneMakesTheCommitmentLateAndStaysItsNextDueDate() {
        add("CommitmentMade", Map.of("title", "Open data portal", "leadOrganisationId", "org-1",
                "startDate", "2026-01-01", "targetDate", "2027-12-31",
                "milestones", List.of(Map.of("milestoneId", "m1", "title", "First set", "dueDate", "2026-11-30"))));
        add("MilestoneMissed", Map.of("milestoneId", "m1", "dueDate", "2026-11-30"));
        add("MilestoneMissed", Map.of("milestoneId", "m1", "dueDate", "2026-11-30"));

        CommitmentState state = CommitmentStates.fold("c-1", steps, TODAY);

        assertThat(state.late()).isTrue();
        assertThat(state.milestones()).extracting(CommitmentState.MilestoneState::status).containsExactly("missed");
        assertThat(CommitmentDashboardProjection.nextDueDate(state)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void onTheHappenedLineAReportRecordedLateAboutAnEarlierDayDoesNotHideTheLaterOne() {
        add("CommitmentMade", Map.of("title", "Night shelter", "leadOrganisationId", "org-1",
                "startDate", "2026-01-01", "targetDate", "2027-12-31",
                "milestones", List.of(Map.of("milestoneId", "m1", "title", "Beds", "dueDate", "2026-06-30"))));
        add("MilestoneMissed", Map.of("milestoneId", "m1", "dueDate", "2026-06-30"));
        add("ProgressReported", Map.of("status", "on-track", "percentage", 30, "reportedFor", "2026-10-01"));
        add("ProgressReported", Map.of("status", "delayed", "percentage", 10, "reportedFor", "2026-08-01",
                "reason", "an older report, found late"));

        CommitmentState recorded = CommitmentStates.fold("c-1", steps, TODAY, false);
        CommitmentState happened = CommitmentStates.fold("c-1", steps, TODAY, true);

        assertThat(recorded.latestProgress().percentage()).as("what the tracker showed last").isEqualTo(10);
        assertThat(happened.latestProgress().percentage()).as("the latest fact").isEqualTo(30);
        assertThat(happened.milestones().getFirst().status()).as("missed before the commitment was recorded")
                .isEqualTo("missed");
    }

    private void history() {
        add("CommitmentMade", Map.of("title", "Scale the food bank network", "leadOrganisationId", "org-1",
                "coSignerIds", List.of("org-2"), "field", "social-support-and-basic-needs", "kind", "scale-service",
                "origin", Map.of("sessionId", "ws-1", "lessonIds", List.of("lesson-1")),
                "startDate", "2026-01-01", "targetDate", "2027-12-31",
                "milestones", List.of(Map.of("milestoneId", "m1", "title", "Second warehouse",
                        "dueDate", "2026-06-30"))));
        add("MilestoneAdded", Map.of("milestone", Map.of("milestoneId", "m2", "title", "Volunteers trained",
                "dueDate", "2026-09-30")));
        add("ProgressReported", Map.of("status", "on-track", "percentage", 30, "reportedFor", "2026-05-01"));
        add("MilestoneMissed", Map.of("milestoneId", "m1", "dueDate", "2026-06-30"));
        add("MilestoneRescheduled", Map.of("milestoneId", "m1", "dueDate", "2027-03-01"));
        add("MilestoneMissed", Map.of("milestoneId", "m1", "dueDate", "2026-06-30"));
        add("MilestoneAchieved", Map.of("milestoneId", "m2", "achievedOn", "2026-09-15"));
        add("CommitmentRevised", Map.of("part", "title", "previousValue", "Scale the food bank network",
                "value", "Scale the food bank network to every district", "reason", "wider scope"));
        add("CoSignerAdded", Map.of("organisationId", "org-3"));
        add("CoSignerWithdrawn", Map.of("organisationId", "org-2", "reason", "merged"));
        add("CommitmentReviewed", Map.of("assessment", "substantial", "reviewedFor", "2026-10-01"));
        add("ProgressReported", Map.of("status", "on-track", "percentage", 60, "reportedFor", "2026-11-01"));
        add("CommitmentAbandoned", Map.of("reason", "funding lost"));
        add("CommitmentReopened", Map.of("reason", "funding found"));
    }

    private void add(String type, Map<String, Object> content) {
        steps.add(new CommitmentStates.Step(type, steps.size(), ViewJson.read(ViewJson.write(content), CONTENT)));
    }
}
