package ro.cluj.crt.events.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The commitments at a glance, as of {@code today} (a date in Cluj): counts by standing, by field and by working
 * session, and what happened month by month.
 *
 * @param atRiskWithinDays an open commitment is at risk when a due date falls within this many days, or when its
 *                         latest progress report says it is at risk, delayed or blocked
 */
public record CommitmentDashboard(LocalDate today, int atRiskWithinDays, Counts total, List<GroupCounts> byField,
                                  List<GroupCounts> bySession, List<Month> overTime) {

    /** Commitments by where they stand: open ones split into on track, at risk and late. */
    public record Counts(long commitments, long onTrack, long atRisk, long late, long fulfilled, long abandoned) {
    }

    /** The counts of one field or one working session ({@code key} null: commitments without one). */
    public record GroupCounts(String key, Counts counts) {
    }

    /**
     * What happened in one month ({@code yyyy-mm}), by the date it happened: commitments made, fulfilled, abandoned
     * and reopened, milestones and target dates missed, progress reports and reviews.
     */
    public record Month(String month, long made, long fulfilled, long abandoned, long reopened, long missed,
                        long progressReports, long reviews) {
    }
}
