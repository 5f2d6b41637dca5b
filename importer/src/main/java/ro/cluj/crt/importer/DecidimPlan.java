package ro.cluj.crt.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What it takes to bring a commitment to where a Decidim result says it is: a revision for each part that differs,
 * a progress report when the percentage differs, then fulfilling or abandoning it. A commitment already as the row
 * says needs nothing, so importing the same file again writes nothing. Worked out from the commitment as the query
 * service shows it, without side effects.
 */
final class DecidimPlan {

    /** The reason given with every revision and progress report of a Decidim import. */
    static final String REASON = "updated from Decidim results import";
    static final String ABANDONED = "abandoned in Decidim";
    static final String FULFILLED = "fulfilled in Decidim";
    /** The status of a report when the commitment has none yet; otherwise its latest status is kept. */
    static final String FIRST_STATUS = "on-track";
    /** The tracker's own Decidim export shows a fulfilled commitment without a percentage as 100. */
    private static final int FULFILLED_PERCENTAGE = 100;

    private DecidimPlan() {
    }

    /** One write to the tracker. */
    sealed interface Step {

        /** The step told in a few words, for a report of what was refused. */
        String describe();
    }

    /** Revise one part to a new value (in the API's form: a code or an ISO date for dates). */
    record Revise(String part, String value) implements Step {

        @Override
        public String describe() {
            return "revising its " + part;
        }
    }

    /** Report a percentage with a status. */
    record Report(int percentage, String status) implements Step {

        @Override
        public String describe() {
            return "reporting progress " + percentage + "%";
        }
    }

    /** Fulfil the commitment. */
    record Fulfil() implements Step {

        @Override
        public String describe() {
            return "fulfilling it";
        }
    }

    /** Abandon the commitment. */
    record Abandon() implements Step {

        @Override
        public String describe() {
            return "abandoning it";
        }
    }

    /**
     * The writes that make {@code current} what {@code result} says, in an order the tracker accepts; fails when the
     * commitment is closed (fulfilled or abandoned) and the row would change it, as the tracker changes a closed
     * commitment only after it is reopened.
     */
    static List<Step> steps(DecidimResult result, CommitmentView current) throws BadRecordException {
        List<Step> steps = new ArrayList<>(revisions(result.commitment(), current));
        Integer progress = result.progress();
        boolean exportedFulfilment = "fulfilled".equals(current.status()) && current.percentage() == null
                && Objects.equals(progress, FULFILLED_PERCENTAGE);
        if (progress != null && !progress.equals(current.percentage()) && !exportedFulfilment) {
            steps.add(new Report(progress, current.progressStatus() == null ? FIRST_STATUS
                    : current.progressStatus()));
        }
        if (!current.open()) {
            if (!steps.isEmpty()) {
                throw new BadRecordException("commitment " + result.id() + " is " + current.status()
                        + " in the tracker, which changes it only once reopened; the row asks for "
                        + String.join(", ", steps.stream().map(Step::describe).toList()));
            }
            return steps;
        }
        switch (result.closing()) {
            case FULFIL -> steps.add(new Fulfil());
            case ABANDON -> steps.add(new Abandon());
            case NONE -> { }
        }
        return steps;
    }

    private static List<Step> revisions(Bodies.Commitment wanted, CommitmentView current) {
        List<Step> steps = new ArrayList<>();
        revise(steps, "title", current.title(), wanted.title());
        // the API cannot clear a description: an empty one in the file leaves it as it is
        if (wanted.description() != null) {
            revise(steps, "description", current.description(), wanted.description());
        }
        revise(steps, "field", current.field(), wanted.field().code());
        Revise start = revision("startDate", current.startDate(), wanted.startDate());
        Revise target = revision("targetDate", current.targetDate(), wanted.targetDate());
        // each revision must leave the start before the target: a start moved past the old target goes second
        boolean targetFirst = start != null && current.targetDate() != null
                && wanted.startDate().isAfter(current.targetDate());
        for (Revise date : targetFirst ? new Revise[] {target, start} : new Revise[] {start, target}) {
            if (date != null) {
                steps.add(date);
            }
        }
        return steps;
    }

    private static void revise(List<Step> steps, String part, String current, String wanted) {
        if (!Objects.equals(current, wanted)) {
            steps.add(new Revise(part, wanted));
        }
    }

    private static Revise revision(String part, Object current, Object wanted) {
        return Objects.equals(current, wanted) ? null : new Revise(part, wanted.toString());
    }
}
