package org.rootposture.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Heap and threads during one measurement. Heap is measured two ways: the peak of the heap in use right after each
 * garbage collection (from the JVM's GC notifications: what the run really keeps alive, plus old garbage not yet
 * collected), and the peak of the heap in use at any time (the heap pools' peak usage, garbage included, which depends
 * mostly on how much heap the collector is allowed to fill before collecting). Threads: the JVM's peak live threads.
 */
final class HeapWatch implements AutoCloseable {

    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final NotificationListener listener = this::collected;
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    HeapWatch() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        peakAfterGc.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        collectors.forEach(collector -> ((NotificationEmitter) collector).addNotificationListener(listener, null, null));
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = heapPools.stream().map(pool -> info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName()))
                .filter(usage -> usage != null).mapToLong(MemoryUsage::getUsed).sum();
        collections.incrementAndGet();
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    /** Peak heap in use right after a collection, in bytes. */
    long peakAfterGc() {
        return peakAfterGc.get();
    }

    /** Sum of the heap pools' peak usage, in bytes (an upper bound: the pools need not peak at the same moment). */
    long peakUsed() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    long collections() {
        return collections.get();
    }

    int peakThreads() {
        return ManagementFactory.getThreadMXBean().getPeakThreadCount();
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (ListenerNotFoundException alreadyGone) {
                // nothing to remove
            }
        }
    }
}
