package ro.cluj.crt.importer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Submits monitored measures: the lead organisation once per run, the commitment unless the tracker knows it, then
 * every dated update the commitment's timeline does not show yet (same date and note) as a progress report. Every
 * report is based on the version the timeline or the last answer gave, so a timeline that lags behind the tracker
 * never leads to a report twice: the tracker refuses the stale version, and the timeline is read again.
 */
final class CommitmentSubmitter {

    /** How often a commitment's timeline is read again when it lags behind the tracker. */
    static final int ATTEMPTS = 20;
    private static final int PROGRESS_EVERY = 10;

    private final StaffApi staff;
    private final StaffApi monitor;
    private final QueryApi query;
    private final Submitter organisations;
    private final QueryApi.Pause pause;
    private final PrintStream progress;
    private final List<BadRecord> bad = new ArrayList<>();
    private int commitments;
    private int reports;
    private long highestPosition = -1;

    CommitmentSubmitter(StaffApi staff, StaffApi monitor, QueryApi query, Submitter organisations,
                        QueryApi.Pause pause, PrintStream progress) {
        this.staff = staff;
        this.monitor = monitor;
        this.query = query;
        this.organisations = organisations;
        this.pause = pause;
        this.progress = progress;
    }

    /** Submits a file's monitored measures, reporting progress and refusals on the progress stream. */
    void submit(MappedFile file) throws ImportFailure {
        List<MonitoredMeasure> measures = file.measures();
        for (int i = 0; i < measures.size(); i++) {
            submit(measures.get(i));
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == measures.size()) {
                progress.printf("%s: %d/%d measures sent%n", file.dataSet().label(), i + 1, measures.size());
            }
        }
    }

    int commitments() {
        return commitments;
    }

    int progressReports() {
        return reports;
    }

    List<BadRecord> bad() {
        return List.copyOf(bad);
    }

    /** The highest event store position the tracker answered with, or -1 when nothing went in. */
    long highestPosition() {
        return highestPosition;
    }

    private void submit(MonitoredMeasure measure) throws ImportFailure {
        String leadId;
        try {
            leadId = organisations.organisationId(measure.lead());
        } catch (ApiRefusal refusal) {
            refused(measure.where(), refusal);
            return;
        }
        Written written = new Written();
        QueryApi.Timeline timeline = query.timeline(measure.id(), -1).orElse(null);
        if (timeline == null) {
            timeline = make(measure, leadId, written);
        }
        if (timeline != null) {
            report(measure, timeline, written);
        }
    }

    /** Makes the commitment; answers its timeline as it then is, or {@code null} when it was refused. */
    private QueryApi.Timeline make(MonitoredMeasure measure, String leadId, Written written) throws ImportFailure {
        try {
            Receipt receipt = staff.makeCommitment(measure.commitmentOf(leadId));
            written.note(receipt);
            commitments++;
            return new QueryApi.Timeline(receipt.version(), Set.of());
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 409) {
                // made by an earlier run that the query service has not shown yet, or the id is taken otherwise
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    pause.pause();
                    QueryApi.Timeline timeline = query.timeline(measure.id(), -1).orElse(null);
                    if (timeline != null) {
                        return timeline;
                    }
                }
            }
            refused(measure.where(), refusal);
            return null;
        }
    }

    private void report(MonitoredMeasure measure, QueryApi.Timeline first, Written written) throws ImportFailure {
        QueryApi.Timeline timeline = first;
        Set<MonitoredMeasure.Update> done = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            long version = timeline.version();
            boolean stale = false;
            for (MonitoredMeasure.Update update : measure.updates()) {
                if (done.contains(update) || timeline.reported().contains(update.key())) {
                    continue;
                }
                try {
                    Receipt receipt = monitor.reportProgress(measure.id(), update.progress(), version);
                    written.note(receipt);
                    version = receipt.version();
                    reports++;
                    done.add(update);
                } catch (ApiRefusal refusal) {
                    if (refusal.staleVersion()) {
                        stale = true;
                        break;
                    }
                    refused(update.where(), refusal);
                    done.add(update);
                }
            }
            if (!stale) {
                return;
            }
            if (attempt == ATTEMPTS) {
                throw new ImportFailure("the timeline of commitment " + measure.id() + " does not catch up with"
                        + " the tracker, so its progress cannot be reported safely");
            }
            pause.pause();
            timeline = query.timeline(measure.id(), written.position).orElseThrow(() -> new ImportFailure(
                    "the query service no longer shows commitment " + measure.id()));
        }
    }

    private void refused(RecordLocation where, ApiRefusal refusal) {
        BadRecord record = new BadRecord(where, refusal.getMessage());
        bad.add(record);
        progress.println("bad record: " + record);
    }

    /** The position of this run's last write to one commitment, for reading its timeline after it. */
    private final class Written {

        private long position = -1;

        void note(Receipt receipt) {
            position = Math.max(position, receipt.position());
            highestPosition = Math.max(highestPosition, receipt.position());
        }
    }
}
