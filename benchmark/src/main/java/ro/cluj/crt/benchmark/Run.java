package ro.cluj.crt.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * What one run of a workload achieved.
 *
 * @param label        what ran
 * @param succeeded    operations that succeeded, including those that finished after the deadline
 * @param failed       operations that failed
 * @param elapsed      from the common start of the workers until the last of them finished
 * @param busyNanos    the time spent in successful operations, summed over the workers
 * @param errorSamples the first few distinct failure messages
 */
record Run(String label, long succeeded, long failed, Duration elapsed, long busyNanos, List<String> errorSamples) {

    double perSecond() {
        return succeeded / (elapsed.toNanos() / 1e9);
    }

    double meanMillis() {
        return succeeded == 0 ? Double.NaN : busyNanos / 1e6 / succeeded;
    }
}
