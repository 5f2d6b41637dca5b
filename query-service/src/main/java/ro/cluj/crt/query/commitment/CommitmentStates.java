package ro.cluj.crt.query.commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ro.cluj.crt.events.api.CommitmentState;
import ro.cluj.crt.events.api.CommitmentState.MilestoneState;

/**
 * Folds a commitment's timeline entries, in the order given, into its state. Working from the timeline (not from a
 * table of current values) is what lets the same code answer "now" and "as of" on either time line.
 */
final class CommitmentStates {

    private CommitmentStates() {
    }

    /** One timeline entry as the fold needs it: its type, sequence and content. */
    record Step(String type, long sequence, Map<String, Object> content) {
    }

    static CommitmentState fold(String commitmentId, List<Step> steps, LocalDate today) {
        return fold(commitmentId, steps, today, false);
    }

    /**
     * Folds the steps in the order given (the order the tracker recorded them). With {@code latestFactWins}, a
     * progress report or review about an earlier date than the one already folded in does not replace it: what
     * had happened by then, whatever the order the tracker learned it in.
     */
    static CommitmentState fold(String commitmentId, List<Step> steps, LocalDate today, boolean latestFactWins) {
        Fold fold = new Fold();
        fold.latestFactWins = latestFactWins;
        int lastProgress = latestFactWins ? -1 : lastOf(steps, "ProgressReported");
        int lastReview = latestFactWins ? -1 : lastOf(steps, "CommitmentReviewed");
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean replaced = !latestFactWins && (step.type().equals("ProgressReported") && i != lastProgress
                    || step.type().equals("CommitmentReviewed") && i != lastReview);
            // in recorded order a later report or review replaces an earlier one whatever that said, so the earlier
            // one's content is never read (a stored document is parsed only when read: years of weekly reports)
            if (replaced) {
                fold.lastSequence = step.sequence();
            } else {
                fold.apply(step);
            }
        }
        return fold.state(commitmentId, today);
    }

    private static int lastOf(List<Step> steps, String type) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    /** Applies one more step to a state folded before (none for the first step). */
    static CommitmentState next(CommitmentState previous, String commitmentId, Step step, LocalDate today) {
        Fold fold = previous == null ? new Fold() : Fold.resume(previous);
        fold.apply(step);
        return fold.state(commitmentId, today);
    }

    private static final class Fold {

        private String status = "open";
        private String sessionId;
        private final List<String> lessonIds = new ArrayList<>();
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Set<String> coSigners = new LinkedHashSet<>();
        private final Map<String, MilestoneState> milestones = new LinkedHashMap<>();
        private CommitmentState.Progress progress;
        private CommitmentState.Review review;
        private long lastSequence = -1;
        private boolean latestFactWins;

        static Fold resume(CommitmentState state) {
            Fold fold = new Fold();
            fold.status = state.status();
            fold.sessionId = state.sessionId();
            fold.lessonIds.addAll(state.lessonIds());
            fold.values.put("title", state.title());
            fold.values.put("description", state.description());
            fold.values.put("field", state.field());
            fold.values.put("kind", state.kind());
            fold.values.put("leadOrganisationId", state.leadOrganisationId());
            fold.values.put("startDate", state.startDate());
            fold.values.put("targetDate", state.targetDate());
            fold.coSigners.addAll(state.coSignerIds());
            state.milestones().forEach(milestone -> fold.milestones.put(milestone.milestoneId(), milestone));
            fold.progress = state.latestProgress();
            fold.review = state.latestReview();
            fold.lastSequence = state.lastSequence();
            return fold;
        }

        @SuppressWarnings("unchecked")
        void apply(Step step) {
            Map<String, Object> c = step.content();
            lastSequence = step.sequence();
            switch (step.type()) {
                case "CommitmentMade" -> {
                    for (String key : List.of("title", "description", "field", "kind", "leadOrganisationId",
                            "startDate", "targetDate")) {
                        values.put(key, c.get(key));
                    }
                    coSigners.addAll((List<String>) c.getOrDefault("coSignerIds", List.of()));
                    if (c.get("origin") instanceof Map<?, ?> origin) {
                        sessionId = (String) origin.get("sessionId");
                        lessonIds.addAll((List<String>) ((Map<String, Object>) origin).getOrDefault("lessonIds",
                                List.of()));
                    }
                    ((List<Map<String, Object>>) c.getOrDefault("milestones", List.of())).forEach(this::addMilestone);
                }
                case "MilestoneAdded" -> addMilestone((Map<String, Object>) c.get("milestone"));
                case "MilestoneRescheduled" -> milestones.computeIfPresent(text(c, "milestoneId"), (id, m) ->
                        new MilestoneState(id, m.title(), date(c, "dueDate"), "open", null));
                case "MilestoneAchieved" -> milestones.computeIfPresent(text(c, "milestoneId"), (id, m) ->
                        new MilestoneState(id, m.title(), m.dueDate(), "achieved", date(c, "achievedOn")));
                case "MilestoneMissed" -> milestones.computeIfPresent(text(c, "milestoneId"), (id, m) ->
                        m.dueDate().equals(date(c, "dueDate")) && m.status().equals("open")
                                ? new MilestoneState(id, m.title(), m.dueDate(), "missed", null) : m);
                case "ProgressReported" -> {
                    CommitmentState.Progress reported = new CommitmentState.Progress(text(c, "status"),
                            (Integer) c.get("percentage"), date(c, "reportedFor"), text(c, "note"));
                    if (progress == null || !latestFactWins
                            || !earlier(reported.reportedFor(), progress.reportedFor())) {
                        progress = reported;
                    }
                }
                case "CommitmentRevised" -> values.put(text(c, "part"), c.get("value"));
                case "CommitmentReviewed" -> {
                    CommitmentState.Review reviewed = new CommitmentState.Review(text(c, "assessment"),
                            date(c, "reviewedFor"), text(c, "note"));
                    if (review == null || !latestFactWins || !earlier(reviewed.reviewedFor(), review.reviewedFor())) {
                        review = reviewed;
                    }
                }
                case "CoSignerAdded" -> coSigners.add(text(c, "organisationId"));
                case "CoSignerWithdrawn" -> coSigners.remove(text(c, "organisationId"));
                case "CommitmentFulfilled" -> status = "fulfilled";
                case "CommitmentAbandoned" -> status = "abandoned";
                case "CommitmentReopened" -> status = "open";
                default -> {
                    // TargetDateMissed and any later kind of event change nothing the state shows
                }
            }
        }

        private void addMilestone(Map<String, Object> milestone) {
            String id = (String) milestone.get("milestoneId");
            milestones.put(id, new MilestoneState(id, (String) milestone.get("title"), date(milestone, "dueDate"),
                    "open", null));
        }

        CommitmentState state(String commitmentId, LocalDate today) {
            LocalDate target = date(values, "targetDate");
            boolean late = status.equals("open") && ((target != null && target.isBefore(today))
                    || milestones.values().stream().anyMatch(m -> m.status().equals("missed")
                    || (m.status().equals("open") && m.dueDate().isBefore(today))));
            return new CommitmentState(commitmentId, status, text(values, "title"), text(values, "description"),
                    text(values, "field"), text(values, "kind"), text(values, "leadOrganisationId"),
                    new ArrayList<>(coSigners), sessionId, lessonIds, date(values, "startDate"), target,
                    new ArrayList<>(milestones.values()), progress, review, late, lastSequence);
        }
    }

    private static boolean earlier(LocalDate date, LocalDate than) {
        return date != null && than != null && date.isBefore(than);
    }

    private static String text(Map<String, Object> content, String key) {
        Object value = content.get(key);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Map<String, Object> content, String key) {
        Object value = content.get(key);
        return value == null ? null : LocalDate.parse(value.toString());
    }
}
