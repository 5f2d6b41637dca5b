package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dropping the catalogue view and rebuilding it from the events gives a byte-identical report. */
class RebuildIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    @Test
    void theRebuiltReportIsByteIdentical() {
        TrackerClient staff = system.client().as("staff");
        long position = History.record(staff);
        TrackerClient auditor = system.client().as("auditor");
        String internal = auditor.get("/api/report?minPosition=" + position).body();
        String published = system.client().get("/api/report?minPosition=" + position).body();
        assertThat(internal).contains("\"measures\":");

        TrackerClient.Response rebuild = system.client().as("admin")
                .postToQueries("/api/admin/projections/catalogue/rebuild", "{}");
        assertThat(rebuild.status()).isEqualTo(202);

        assertThat(auditor.get("/api/report?minPosition=" + position).body()).isEqualTo(internal);
        assertThat(system.client().get("/api/report?minPosition=" + position).body()).isEqualTo(published);
        assertThat(system.count("SELECT count(*) FROM crt_query.measure")).isEqualTo(History.COUNTED_MEASURES);
    }
}
