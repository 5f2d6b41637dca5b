package ro.cluj.crt.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap while a replay runs, to tell how much memory the query service needs for it. The
 * collectors report, after every collection, what each heap pool still holds: the peak of that sum is the heap in use
 * after garbage collection. A young collection leaves dead objects in the old generation until the next old or mixed
 * one, so that peak overstates the live data; a sampler thread therefore also asks for a full collection at a fixed
 * interval, and the peak of what those leave is the live data the service held. Both peaks are reported.
 */
final class HeapSampler implements AutoCloseable {

    private static final String EXPLICIT_CAUSE = "System.gc()";
    private static final Duration NOTIFICATION_WAIT = Duration.ofSeconds(2);

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private final AtomicLong peakAfterAny = new AtomicLong();
    private final AtomicLong peakAfterFull = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong fullCollections = new AtomicLong();
    private final Thread sampler;

    /** Starts listening and asks for a full collection every {@code interval}. */
    HeapSampler(Duration interval) {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> collectEvery(interval));
    }

    /** The peaks, in bytes, and how many collections they were taken from. */
    record Peaks(long afterAnyCollection, long afterFullCollection, long collections, long fullCollections) {
    }

    /** Stops sampling, asks for one last full collection, and answers the peaks seen since the start. */
    Peaks stop() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        long before = fullCollections.get();
        System.gc();
        long deadline = System.nanoTime() + NOTIFICATION_WAIT.toNanos();
        // the collectors notify on a thread of their own, after System.gc() returned
        while (fullCollections.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        close();
        return new Peaks(peakAfterAny.get(), peakAfterFull.get(), collections.get(), fullCollections.get());
    }

    @Override
    public void close() {
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // removed already by an earlier close
            }
        }
        emitters.clear();
    }

    private void collectEvery(Duration interval) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(interval);
                System.gc();
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        collections.incrementAndGet();
        peakAfterAny.accumulateAndGet(used, Math::max);
        if (EXPLICIT_CAUSE.equals(info.getGcCause())) {
            fullCollections.incrementAndGet();
            peakAfterFull.accumulateAndGet(used, Math::max);
        }
    }
}
