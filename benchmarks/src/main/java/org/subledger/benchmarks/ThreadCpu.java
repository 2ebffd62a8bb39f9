package org.subledger.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU time of the JVM's Java threads by kind between two snapshots, exact where a profiler's samples are not (JFR
 * samples a few threads per period, in proportion to the time they run Java code, not to their CPU). A kind is the
 * thread's name with its numbers replaced by {@code #} ({@code WorkPackage[read-models]-#}, {@code bill-run-#}); a
 * thread started between the snapshots counts from zero, one that ended is lost. What the JVM's own threads spend
 * (garbage collection, the JIT compiler) is the rest of the process's CPU, which {@link ResourceSampler} reports.
 */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    record Snapshot(Map<Long, String> names, Map<Long, Long> cpuNanos) {
    }

    ThreadCpu() {
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    Snapshot snapshot() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long nanos = threads.getThreadCpuTime(ids[i]);
            if (infos[i] != null && nanos >= 0) {
                names.put(ids[i], infos[i].getThreadName());
                cpu.put(ids[i], nanos);
            }
        }
        return new Snapshot(names, cpu);
    }

    /** CPU seconds per kind of thread between the snapshots, highest first. */
    static Map<String, Double> between(Snapshot before, Snapshot after) {
        Map<String, Double> byKind = new HashMap<>();
        after.cpuNanos().forEach((id, nanos) -> {
            long spent = nanos - before.cpuNanos().getOrDefault(id, 0L);
            if (spent > 0) {
                byKind.merge(after.names().get(id).replaceAll("\\d+", "#"), spent / 1e9, Double::sum);
            }
        });
        return byKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** The kinds above {@code minimumSeconds}, as "kind s (ms per unit)", and the sum of all. */
    static String describe(Map<String, Double> byKind, int units, String unit, double minimumSeconds) {
        double total = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        String kinds = byKind.entrySet().stream().filter(e -> e.getValue() >= minimumSeconds)
                .map(e -> String.format("%s %.1f s (%.3f ms)", e.getKey(), e.getValue(), e.getValue() * 1000 / units))
                .collect(Collectors.joining(", "));
        return String.format("Java threads' CPU %.1f s = %.3f ms per %s: %s", total, total * 1000 / units, unit, kinds);
    }
}
