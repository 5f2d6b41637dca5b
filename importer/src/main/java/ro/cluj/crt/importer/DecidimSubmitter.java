package ro.cluj.crt.importer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Submits Decidim results: asks the query service where each commitment stands, makes the ones the tracker does not
 * know (registering their organisation the first time one is needed), then sends only the writes {@link DecidimPlan}
 * finds missing: revisions and fulfilment or abandonment as staff, progress reports as a monitor. Every write carries
 * the version it was based on; when the tracker answers that the version is stale, the commitment is read again
 * (after this run's last write to it) and the plan worked out anew, so nothing is written twice.
 */
final class DecidimSubmitter {

    private static final int PROGRESS_EVERY = 10;

    private final StaffApi staff;
    private final StaffApi monitor;
    private final QueryApi query;
    private final Submitter organisations;
    private final QueryApi.Pause pause;
    private final PrintStream progress;
    private final List<BadRecord> bad = new ArrayList<>();
    private int commitments;
    private int revisions;
    private int reports;
    private int closings;
    private long highestPosition = -1;

    DecidimSubmitter(StaffApi staff, StaffApi monitor, QueryApi query, Submitter organisations,
                     QueryApi.Pause pause, PrintStream progress) {
        this.staff = staff;
        this.monitor = monitor;
        this.query = query;
        this.organisations = organisations;
        this.pause = pause;
        this.progress = progress;
    }

    /** Submits a file's results, reporting progress and refusals on the progress stream. */
    void submit(MappedFile file) throws ImportFailure {
        List<DecidimResult> results = file.results();
        for (int i = 0; i < results.size(); i++) {
            submit(results.get(i));
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == results.size()) {
                progress.printf("%s: %d/%d results sent%n", file.dataSet().label(), i + 1, results.size());
            }
        }
    }

    int commitments() {
        return commitments;
    }

    int revisions() {
        return revisions;
    }

    int progressReports() {
        return reports;
    }

    /** How many commitments were fulfilled or abandoned. */
    int closings() {
        return closings;
    }

    List<BadRecord> bad() {
        return List.copyOf(bad);
    }

    /** The highest event store position the tracker answered with, or -1 when nothing went in. */
    long highestPosition() {
        return highestPosition;
    }

    private void submit(DecidimResult result) throws ImportFailure {
        long written = -1;
        for (int attempt = 1; attempt <= CommitmentSubmitter.ATTEMPTS; attempt++) {
            if (attempt > 1) {
                pause.pause();
            }
            CommitmentView current = query.state(result.id(), written).orElse(null);
            if (current == null) {
                try {
                    current = make(result);
                    written = Math.max(written, highestPosition);
                } catch (ApiRefusal refusal) {
                    if (refusal.status() == 409 && attempt < CommitmentSubmitter.ATTEMPTS) {
                        // made by an earlier run that the query service does not show yet: read it again
                        continue;
                    }
                    refused(result, "making it", refusal);
                    return;
                }
            }
            List<DecidimPlan.Step> steps;
            try {
                steps = DecidimPlan.steps(result, current);
            } catch (BadRecordException e) {
                report(new BadRecord(result.where(), e.getMessage()));
                return;
            }
            Outcome outcome = send(result, steps, current.lastSequence());
            written = Math.max(written, outcome.position());
            if (!outcome.stale()) {
                return;
            }
        }
        throw new ImportFailure("commitment " + result.id() + " keeps changing while it is imported, or the query"
                + " service does not catch up with the tracker, so it cannot be updated safely");
    }

    private CommitmentView make(DecidimResult result) throws ApiRefusal, ImportFailure {
        String leadId = organisations.organisationId(result.lead());
        Bodies.Commitment commitment = result.commitment().withLead(leadId);
        Receipt receipt = staff.makeCommitment(commitment);
        note(receipt);
        commitments++;
        return CommitmentView.made(commitment, receipt.version());
    }

    /** Sends the steps in order; stops at a stale version (to plan again) or at a refusal (the row is bad). */
    private Outcome send(DecidimResult result, List<DecidimPlan.Step> steps, long version) throws ImportFailure {
        long expected = version;
        long position = -1;
        for (DecidimPlan.Step step : steps) {
            try {
                Receipt receipt = send(result.id(), step, expected);
                note(receipt);
                position = receipt.position();
                expected = receipt.version();
            } catch (ApiRefusal refusal) {
                if (refusal.staleVersion()) {
                    return new Outcome(true, position);
                }
                refused(result, step.describe(), refusal);
                return new Outcome(false, position);
            }
        }
        return new Outcome(false, position);
    }

    private Receipt send(String id, DecidimPlan.Step step, long version) throws ApiRefusal, ImportFailure {
        return switch (step) {
            case DecidimPlan.Revise revise -> counted(staff.reviseCommitment(id,
                    new Bodies.Revision(revise.part(), revise.value(), DecidimPlan.REASON), version), Counter.REVISION);
            case DecidimPlan.Report report -> counted(monitor.reportPercentage(id,
                    new Bodies.Percentage(report.status(), report.percentage(), DecidimPlan.REASON), version),
                    Counter.REPORT);
            case DecidimPlan.Fulfil fulfil -> counted(staff.fulfilCommitment(id,
                    new Bodies.Fulfilment(DecidimPlan.FULFILLED), version), Counter.CLOSING);
            case DecidimPlan.Abandon abandon -> counted(staff.abandonCommitment(id,
                    new Bodies.Reasoned(DecidimPlan.ABANDONED), version), Counter.CLOSING);
        };
    }

    private Receipt counted(Receipt receipt, Counter counter) {
        switch (counter) {
            case REVISION -> revisions++;
            case REPORT -> reports++;
            case CLOSING -> closings++;
        }
        return receipt;
    }

    private void note(Receipt receipt) {
        highestPosition = Math.max(highestPosition, receipt.position());
    }

    private void refused(DecidimResult result, String doing, ApiRefusal refusal) {
        report(new BadRecord(result.where(), "commitment " + result.id() + ", " + doing + ": "
                + refusal.getMessage()));
    }

    private void report(BadRecord record) {
        bad.add(record);
        progress.println("bad record: " + record);
    }

    private enum Counter { REVISION, REPORT, CLOSING }

    /** How sending a plan ended: on a stale version or not, and the position of its last accepted write. */
    private record Outcome(boolean stale, long position) {
    }
}
