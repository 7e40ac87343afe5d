package dev.catapult.bench.scan;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap growth while a scan runs, two ways. <b>Live</b>: a sampler thread forces a full GC every 100 ms while
 * the scan runs (a scan allocates so little that the collector might otherwise not run at all); the heap in
 * use right after each collection (GC notifications), highest value minus the same figure after a full GC
 * before the scan, is what the scan kept reachable at its worst sampled moment. <b>Pool peaks</b>: the sum of every heap pool's
 * peak usage since a reset, minus the post-GC baseline: an upper bound that also counts garbage not yet
 * collected, so it mostly shows how large the collector lets the young generation grow.
 */
final class HeapWatch implements AutoCloseable {
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<Runnable> removals = new ArrayList<>();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final long baseline;
    private final Thread sampler;

    /** Heap growth figures of one scan, in bytes. */
    record Growth(long baselineBytes, long liveGrowthBytes, long poolPeakGrowthBytes, long collections) {}

    HeapWatch() {
        System.gc();
        System.gc();
        baseline = heapUsed();
        maxAfterGc.set(baseline);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = sumHeap(info.getGcInfo().getMemoryUsageAfterGc());
                maxAfterGc.accumulateAndGet(after, Math::max);
                collections.incrementAndGet();
            }
        };
        sampler = Thread.ofPlatform().daemon().name("heap-sampler").unstarted(HeapWatch::forceCollections);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) collector;
            emitter.addNotificationListener(listener, null, null);
            removals.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    // already gone
                }
            });
        }
    }

    /** Starts forcing the sampling collections; {@link #close()} stops them. */
    HeapWatch start() {
        sampler.start();
        return this;
    }

    Growth growth() {
        long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        return new Growth(baseline, maxAfterGc.get() - baseline, poolPeaks - baseline, collections.get());
    }

    @Override
    public void close() {
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removals.forEach(Runnable::run);
    }

    private static void forceCollections() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            System.gc();
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private long sumHeap(Map<String, MemoryUsage> usage) {
        return usage.entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed())
                .sum();
    }
}
