package ro.cluj.crt.importer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Submits mapped records one by one: each organisation once per run (its external reference makes it the same
 * organisation on the tracker across runs), then the record's interview. A refused record is reported and skipped.
 */
final class Submitter {

    private static final int PROGRESS_EVERY = 10;

    private final StaffApi api;
    private final PrintStream progress;
    private final Map<Bodies.ExternalReference, String> organisationIds = new HashMap<>();
    private final Map<Bodies.ExternalReference, String> refusedOrganisations = new HashMap<>();
    private final List<BadRecord> bad = new ArrayList<>();
    private int interviews;
    private long highestPosition = -1;

    Submitter(StaffApi api, PrintStream progress) {
        this.api = api;
        this.progress = progress;
    }

    /** Submits a file's good records, reporting progress and refusals on the progress stream. */
    void submit(MappedFile file) throws ImportFailure {
        List<Submission> submissions = file.submissions();
        for (int i = 0; i < submissions.size(); i++) {
            submit(submissions.get(i));
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == submissions.size()) {
                progress.printf("%s: %d/%d records sent%n", file.dataSet().label(), i + 1, submissions.size());
            }
        }
    }

    int organisations() {
        return organisationIds.size();
    }

    int interviews() {
        return interviews;
    }

    List<BadRecord> bad() {
        return List.copyOf(bad);
    }

    /** The highest event store position the tracker answered with, or -1 when nothing went in. */
    long highestPosition() {
        return highestPosition;
    }

    private void submit(Submission submission) throws ImportFailure {
        try {
            String organisationId = organisationId(submission);
            note(api.recordInterview(organisationId, submission.interview()));
            interviews++;
        } catch (ApiRefusal refusal) {
            BadRecord record = new BadRecord(submission.where(), refusal.getMessage());
            bad.add(record);
            progress.println("bad record: " + record);
        }
    }

    private String organisationId(Submission submission) throws ApiRefusal, ImportFailure {
        return organisationId(submission.organisation());
    }

    /** The tracker's id of an organisation, registering it the first time this run needs it. */
    String organisationId(Bodies.Organisation organisation) throws ApiRefusal, ImportFailure {
        Bodies.ExternalReference key = organisation.externalReference();
        String known = organisationIds.get(key);
        if (known != null) {
            return known;
        }
        String refused = refusedOrganisations.get(key);
        if (refused == null) {
            try {
                Receipt receipt = api.registerOrganisation(organisation);
                note(receipt);
                organisationIds.put(key, receipt.id());
                return receipt.id();
            } catch (ApiRefusal refusal) {
                refused = refusal.getMessage();
                refusedOrganisations.put(key, refused);
            }
        }
        throw new ApiRefusal("its organisation '" + organisation.name() + "' was refused: " + refused);
    }

    private void note(Receipt receipt) {
        highestPosition = Math.max(highestPosition, receipt.position());
    }
}
