package ro.cluj.crt.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a Decidim result asks of a commitment the tracker already knows: only the writes that change something. */
class DecidimPlanTest {

    private static final RecordLocation WHERE = new RecordLocation("results.csv", 1, 2);
    private static final Bodies.Commitment COMMITMENT = new Bodies.Commitment("decidim-101", null,
            "Vaccination centre in Mănăștur", "Opened with the county hospital.", Field.HEALTH, "improve-measure",
            LocalDate.of(2021, 2, 1), LocalDate.of(2021, 12, 31));

    @Test
    void aCommitmentAsTheRowSaysNeedsNothing() throws BadRecordException {
        assertThat(DecidimPlan.steps(result(COMMITMENT, 25, DecidimResult.Closing.NONE), current("open", 25)))
                .isEmpty();
        assertThat(DecidimPlan.steps(result(COMMITMENT, null, DecidimResult.Closing.NONE), current("open", 25)))
                .isEmpty();
    }

    @Test
    void eachPartThatDiffersIsRevisedInTheApisForm() throws BadRecordException {
        Bodies.Commitment changed = new Bodies.Commitment("decidim-101", null, "Vaccination centre, Mănăștur",
                "Run with the county hospital.", Field.PUBLIC_INFORMATION, "scale-service", LocalDate.of(2021, 1, 15),
                LocalDate.of(2022, 3, 31));

        assertThat(DecidimPlan.steps(result(changed, 25, DecidimResult.Closing.NONE), current("open", 25)))
                .containsExactly(new DecidimPlan.Revise("title", "Vaccination centre, Mănăștur"),
                        new DecidimPlan.Revise("description", "Run with the county hospital."),
                        new DecidimPlan.Revise("field", "public-information"),
                        new DecidimPlan.Revise("startDate", "2021-01-15"),
                        new DecidimPlan.Revise("targetDate", "2022-03-31"));
    }

    @Test
    void anEmptyDescriptionInTheFileLeavesTheTrackersOne() throws BadRecordException {
        Bodies.Commitment noDescription = new Bodies.Commitment("decidim-101", null, COMMITMENT.title(), null,
                Field.HEALTH, "improve-measure", COMMITMENT.startDate(), COMMITMENT.targetDate());

        assertThat(DecidimPlan.steps(result(noDescription, null, DecidimResult.Closing.NONE), current("open", null)))
                .isEmpty();
    }

    @Test
    void aStartMovedPastTheOldTargetIsRevisedAfterTheTarget() throws BadRecordException {
        Bodies.Commitment later = new Bodies.Commitment("decidim-101", null, COMMITMENT.title(),
                COMMITMENT.description(), Field.HEALTH, "improve-measure", LocalDate.of(2022, 2, 1),
                LocalDate.of(2022, 12, 31));

        assertThat(DecidimPlan.steps(result(later, null, DecidimResult.Closing.NONE), current("open", null)))
                .containsExactly(new DecidimPlan.Revise("targetDate", "2022-12-31"),
                        new DecidimPlan.Revise("startDate", "2022-02-01"));
    }

    @Test
    void aDifferentPercentageIsReportedKeepingTheLatestStatus() throws BadRecordException {
        CommitmentView atRisk = new CommitmentView("open", COMMITMENT.title(), COMMITMENT.description(), "health",
                COMMITMENT.startDate(), COMMITMENT.targetDate(), new CommitmentView.Progress("at-risk", 40), 7);

        assertThat(DecidimPlan.steps(result(COMMITMENT, 30, DecidimResult.Closing.NONE), atRisk))
                .containsExactly(new DecidimPlan.Report(30, "at-risk"));
        assertThat(DecidimPlan.steps(result(COMMITMENT, 30, DecidimResult.Closing.NONE), current("open", null)))
                .containsExactly(new DecidimPlan.Report(30, "on-track"));
    }

    @Test
    void fulfilledOrAbandonedInDecidimClosesAnOpenCommitmentAfterTheOtherChanges() throws BadRecordException {
        assertThat(DecidimPlan.steps(result(COMMITMENT, 100, DecidimResult.Closing.FULFIL), current("open", 25)))
                .containsExactly(new DecidimPlan.Report(100, "on-track"), new DecidimPlan.Fulfil());
        assertThat(DecidimPlan.steps(result(COMMITMENT, 25, DecidimResult.Closing.ABANDON), current("open", 25)))
                .containsExactly(new DecidimPlan.Abandon());
    }

    @Test
    void aClosedCommitmentAsTheRowSaysNeedsNothing() throws BadRecordException {
        assertThat(DecidimPlan.steps(result(COMMITMENT, 25, DecidimResult.Closing.FULFIL), current("fulfilled", 25)))
                .isEmpty();
        assertThat(DecidimPlan.steps(result(COMMITMENT, 25, DecidimResult.Closing.NONE), current("abandoned", 25)))
                .isEmpty();
        // the tracker's export shows a fulfilled commitment without a percentage as 100
        assertThat(DecidimPlan.steps(result(COMMITMENT, 100, DecidimResult.Closing.FULFIL),
                current("fulfilled", null))).isEmpty();
    }

    @Test
    void aClosedCommitmentThatTheRowWouldChangeIsABadRecord() {
        Bodies.Commitment renamed = new Bodies.Commitment("decidim-101", null, "Another title",
                COMMITMENT.description(), Field.HEALTH, "improve-measure", COMMITMENT.startDate(),
                COMMITMENT.targetDate());

        assertThatThrownBy(() -> DecidimPlan.steps(result(renamed, 60, DecidimResult.Closing.NONE),
                current("abandoned", 25)))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("commitment decidim-101 is abandoned in the tracker, which changes it only once reopened;"
                        + " the row asks for revising its title, reporting progress 60%");
    }

    private static DecidimResult result(Bodies.Commitment commitment, Integer progress,
                                        DecidimResult.Closing closing) {
        return new DecidimResult(WHERE, DecidimMapper.organisation("Primăria Cluj-Napoca"), commitment, progress,
                closing);
    }

    private static CommitmentView current(String status, Integer percentage) {
        return new CommitmentView(status, COMMITMENT.title(), COMMITMENT.description(), "health",
                COMMITMENT.startDate(), COMMITMENT.targetDate(),
                percentage == null ? null : new CommitmentView.Progress("on-track", percentage), 3);
    }
}
