package org.subledger.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap in use every 50 ms and keeps the highest value seen; and keeps the highest heap in use right
 * after a garbage collection (what survived it: the live data, whereas the sampled peak mostly says how late the
 * collector ran).
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Thread thread;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private volatile boolean running = true;

    HeapSampler() {
        var memory = ManagementFactory.getMemoryMXBean();
        thread = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
        NotificationListener afterGc = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                peakAfterGc.accumulateAndGet(used, Math::max);
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterGc, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(afterGc);
                    } catch (Exception ignored) {
                        // gone already
                    }
                });
            }
        }
    }

    /** Forgets the peaks so far: the next peaks are of what runs from now on. */
    void reset() {
        peak.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        peakAfterGc.set(0);
    }

    long peakBytes() {
        return peak.get();
    }

    /** The most heap in use right after a collection since the last reset (0: no collection). */
    long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        unsubscribe.forEach(Runnable::run);
    }
}
