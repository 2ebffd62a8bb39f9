package org.subledger.benchmarks;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * Stops, starts, and replays the ledger's streaming event processors (the projections), and times how long they take
 * to reach the head of the event store. The end of a replay is found by comparing every segment's position with the
 * highest global index: {@code isReplaying()} stays true until a newer event arrives.
 */
final class ProjectionReplay {

    private final Map<String, StreamingEventProcessor> processors = new TreeMap<>();
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ResourceSampler cpu;

    ProjectionReplay(Configuration axon, TokenStore tokenStore, TransactionManager transactionManager,
                     ResourceSampler cpu) {
        axon.eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            // every projection; sagas (no reset) are left alone
            if (processor instanceof StreamingEventProcessor streaming && streaming.supportsReset()) {
                processors.put(name, streaming);
            }
        });
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.cpu = cpu;
    }

    List<String> names() {
        return List.copyOf(processors.keySet());
    }

    void stopAll() {
        processors.values().forEach(StreamingEventProcessor::shutDown);
    }

    void startAll() {
        processors.values().forEach(StreamingEventProcessor::start);
    }

    /** Waits until the given processors have reached {@code head}; returns the time it took. */
    Duration awaitCaughtUp(List<String> names, long head, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (String name : names) {
            int[] segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(name));
            while (!reached(processors.get(name).processingStatus(), segments, head)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(name + " did not reach global index " + head + " within " + timeout
                            + "; status " + processors.get(name).processingStatus());
                }
                Thread.sleep(10);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Replays the given processors together from the start of the event store: shut down, reset (the projections'
     * reset handlers empty their tables), start, wait for the head. The time runs from the reset to the head.
     */
    Result replay(List<String> names, long head, long events, Duration timeout) throws Exception {
        names.forEach(name -> processors.get(name).shutDown());
        var before = cpu.snapshot();
        long start = System.nanoTime();
        names.forEach(name -> processors.get(name).resetTokens());
        names.forEach(name -> processors.get(name).start());
        awaitCaughtUp(names, head, timeout);
        double seconds = (System.nanoTime() - start) / 1e9;
        var usage = ResourceSampler.between(before, cpu.snapshot());
        return new Result(String.join(" + ", names), events, seconds, usage);
    }

    private static boolean reached(Map<Integer, EventTrackerStatus> status, int[] segments, long head) {
        if (segments.length == 0 || !status.keySet().containsAll(Arrays.stream(segments).boxed().toList())) {
            return false;
        }
        for (int segment : segments) {
            var position = status.get(segment).getCurrentPosition();
            if (position.isEmpty() || position.getAsLong() < head) {
                return false;
            }
        }
        return true;
    }

    record Result(String processors, long events, double seconds, ResourceSampler.Usage cpu) {
        double perSecond() {
            return events / seconds;
        }
    }
}
