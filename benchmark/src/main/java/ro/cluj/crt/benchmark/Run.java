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
 * @param cpuNanos     the CPU time this JVM used during the run (service, clients and benchmark together); it depends
 *                     less than the rates on what else the machine is doing
 * @param errorSamples the first few distinct failure messages
 */
record Run(String label, long succeeded, long failed, Duration elapsed, long busyNanos, long cpuNanos,
          List<String> errorSamples) {

    double perSecond() {
        return succeeded / (elapsed.toNanos() / 1e9);
    }

    /** This JVM's CPU time per successful operation, in ms. */
    double cpuMillisPerOperation() {
        return succeeded == 0 ? Double.NaN : cpuNanos / 1e6 / succeeded;
    }

    double meanMillis() {
        return succeeded == 0 ? Double.NaN : busyNanos / 1e6 / succeeded;
    }
}
