package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A commitment followed long enough to be snapshotted (here after 5 events) keeps answering from its state after
 * every snapshot and restart, fires its deadlines once, and the snapshots stay out of the history: the timeline, the
 * audit trail and the hash chain hold its events only.
 */
class CommitmentSnapshotIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker("--crt.snapshots.commitment-after-events=5");

    @Test
    void aSnapshottedCommitmentAnswersFromItsStateAndStaysOutOfTheHistory() throws Exception {
        TrackerClient staff = system.client().as("staff");
        TrackerClient monitor = system.client().as("monitor");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        String lead = staff.post("/api/organisations", "{\"name\":\"Banca de Alimente\",\"sector\":\"academia\"}")
                .json().get("id").asText();
        TrackerClient.Response made = staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"Keep the food banks running",
                 "field":"social-support-and-basic-needs","kind":"scale-service","startDate":"%s","targetDate":"%s",
                 "milestones":[{"id":"m1","title":"Second depot","dueDate":"%s"},
                               {"id":"m2","title":"Every district","dueDate":"%s"}]}"""
                .formatted(lead, today.minusYears(2), today.plusYears(1), today.minusDays(1), today.plusMonths(6)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asText();
        String path = "/api/commitments/" + id;
        awaitMissedMilestone(path + "/timeline");
        for (int week = 1; week <= 24; week++) {
            assertThat(monitor.post(path + "/progress", """
                    {"status":"on-track","percentage":%d,"note":"week %d","reportedFor":"%s"}"""
                    .formatted(week * 3, week, today.minusDays(30 - week))).status()).isEqualTo(200);
        }
        assertThat(system.count("SELECT count(*) FROM event_store.snapshot_event_entry WHERE aggregate_identifier = '"
                + id + "' AND payload_type = 'ro.cluj.crt.command.commitment.Commitment' AND payload_revision = '1'"))
                .as("snapshots taken").isGreaterThanOrEqualTo(1);

        assertThat(monitor.post(path + "/progress", "{\"status\":\"delayed\",\"percentage\":50}").status())
                .as("the last percentage (72) comes from the snapshot: a drop needs a reason").isEqualTo(422);
        assertThat(staff.post(path + "/milestones/m2/achievement", "{\"achievedOn\":\"%s\"}".formatted(today))
                .status()).isEqualTo(200);
        assertThat(staff.post(path + "/milestones/m2/achievement", "{\"achievedOn\":\"%s\"}".formatted(today))
                .status()).as("achieved once").isEqualTo(409);
        system.restart();
        staff = system.client().as("staff");
        monitor = system.client().as("monitor");
        assertThat(monitor.post(path + "/progress", "{\"status\":\"delayed\",\"percentage\":50}").status())
                .as("after a restart too").isEqualTo(422);
        TrackerClient.Response last = staff.post(path + "/fulfilment", "{\"note\":\"every district served\"}");
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(monitor.post(path + "/progress", "{\"status\":\"on-track\"}").status()).isEqualTo(409);

        long events = system.count("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = '"
                + id + "'");
        assertThat(events).as("made, missed m1 once, 24 reports, m2 achieved, fulfilled").isEqualTo(28);
        JsonNode timeline = system.client().get(path + "/timeline?minPosition=" + last.json().get("position")
                .asLong()).json().get("entries");
        assertThat(timeline).hasSize((int) events);
        JsonNode audit = system.client().as("auditor").get("/api/audit/aggregates/" + id + "/events").json();
        assertThat(audit).hasSize((int) events);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (system.count("SELECT count(*) FROM event_store.event_chain") < system.eventCount()
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        JsonNode verification = system.client().as("auditor").get("/api/audit/chain/verification").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("links").asLong()).isEqualTo(system.eventCount());
    }

    /** Waits (up to 30 s) until the deadline of the milestone already past has fired and the timeline shows it. */
    private static void awaitMissedMilestone(String path) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            TrackerClient.Response timeline = system.client().get(path);
            if (timeline.status() == 200 && timeline.body().contains("\"MilestoneMissed\"")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no MilestoneMissed on " + path);
    }
}
