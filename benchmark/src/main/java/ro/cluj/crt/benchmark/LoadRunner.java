package ro.cluj.crt.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one operation per worker thread in a closed loop (each worker starts its next operation only when the last
 * one has returned) from a common start until a deadline, and counts what succeeded.
 */
final class LoadRunner {

    private static final int MAX_ERROR_SAMPLES = 5;

    private LoadRunner() {
    }

    static Run run(String label, List<Operation> workers, Duration duration) throws InterruptedException {
        Tally tally = new Tally();
        CountDownLatch ready = new CountDownLatch(workers.size());
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Operation operation = workers.get(i);
            threads.add(Thread.ofPlatform().name("bench-" + label + "-" + i).start(() -> {
                ready.countDown();
                awaitQuietly(start);
                loop(operation, deadline[0], tally);
            }));
        }
        ready.await();
        long cpuBefore = processCpuNanos();
        long begin = System.nanoTime();
        deadline[0] = begin + duration.toNanos();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
        return new Run(label, tally.succeeded.sum(), tally.failed.sum(), elapsed, tally.busyNanos.sum(),
                processCpuNanos() - cpuBefore, List.copyOf(tally.errors));
    }

    /** CPU time this JVM used so far, all its threads: the service's, its clients' and the benchmark's. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void loop(Operation operation, long deadline, Tally tally) {
        while (System.nanoTime() < deadline) {
            long began = System.nanoTime();
            try {
                operation.perform();
                tally.busyNanos.add(System.nanoTime() - began);
                tally.succeeded.increment();
            } catch (Exception e) {
                tally.failed.increment();
                if (tally.errors.size() < MAX_ERROR_SAMPLES) {
                    tally.errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the start", e);
        }
    }

    /** The counters the workers share. */
    private static final class Tally {
        final LongAdder succeeded = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder busyNanos = new LongAdder();
        final Set<String> errors = ConcurrentHashMap.newKeySet();
    }
}
