package org.rootposture.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The CPU time of one measurement by who spent it (see {@link Part}). Java threads are read every 100 ms and once more
 * at the end, so a thread that ends in between (a run's readers end with the run) counts up to its last reading; what
 * the process spent beyond its Java threads is the JVM's own work.
 */
final class CpuWatch implements AutoCloseable {

    /** Who spent CPU time. */
    enum Part {
        JUNIT("JUnit thread"),
        READERS("readers"),
        LAB("lab"),
        JVM("JVM (JIT, GC)"),
        OTHER("other threads");

        final String title;

        Part(String title) {
            this.title = title;
        }
    }

    private static final Pattern JUNIT_WORKER = Pattern.compile("ForkJoinPool-\\d+-worker-\\d+");

    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long launcherThread = Thread.currentThread().getId();
    private final Map<Long, Part> partOf = new HashMap<>();
    private final Map<Long, Long> atStart = new HashMap<>();
    private final Map<Long, Long> latest = new HashMap<>();
    private final long processAtStart = processCpuNanos();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "benchmark-cpu-watch");
        thread.setDaemon(true);
        return thread;
    });

    CpuWatch() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        for (int i = 0; i < ids.length; i++) {
            atStart.put(ids[i], Math.max(0, cpu[i]));
        }
        sampler.scheduleAtFixedRate(this::sample, 100, 100, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                latest.put(ids[i], cpu[i]);
                partOf.computeIfAbsent(ids[i], this::part);
            }
        }
    }

    private Part part(long id) {
        if (id == launcherThread) {
            return Part.JUNIT;
        }
        ThreadInfo info = threads.getThreadInfo(id);
        String name = info == null ? "" : info.getThreadName();
        if (JUNIT_WORKER.matcher(name).matches()) {
            return Part.JUNIT;
        }
        if (name.startsWith("rootposture-reader")) {
            return Part.READERS;
        }
        if (name.startsWith("root-posture-lab-") || name.equals("HTTP-Dispatcher")) {
            return Part.LAB;
        }
        return Part.OTHER;
    }

    /** Seconds of CPU by part since this watch started; every part present. */
    synchronized Map<Part, Double> seconds() {
        sample();
        Map<Part, Double> seconds = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            seconds.put(part, 0.0);
        }
        long javaThreads = 0;
        for (Map.Entry<Long, Long> thread : latest.entrySet()) {
            long spent = thread.getValue() - atStart.getOrDefault(thread.getKey(), 0L);
            javaThreads += spent;
            seconds.merge(partOf.get(thread.getKey()), spent / 1e9, Double::sum);
        }
        seconds.put(Part.JVM, Math.max(0, processCpuNanos() - processAtStart - javaThreads) / 1e9);
        return seconds;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
