package org.subledger.platform.deadletter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Retries every group's dead letters, sagas' included, on a fixed interval: a failure that was transient, or whose
 * cause was fixed, then heals without an operator. Each tick retries at most {@code retriesPerTick} sequences per
 * group, least recently tried first (Axon's order), so a queue of letters that keep failing costs a bounded amount
 * per tick.
 */
public class DeadLetterRetrier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetrier.class);

    private final DeadLetters deadLetters;
    private final Duration interval;
    private final int retriesPerTick;
    private ScheduledExecutorService executor;

    DeadLetterRetrier(DeadLetters deadLetters, Duration interval, int retriesPerTick) {
        this.deadLetters = deadLetters;
        this.interval = interval;
        this.retriesPerTick = retriesPerTick;
    }

    /** One tick: returns the sequences handled to the end. */
    public int retryAll() {
        int processed = 0;
        for (String group : deadLetters.groups()) {
            long attempts = Math.min(retriesPerTick, deadLetters.sequences(group));
            for (long attempt = 0; attempt < attempts; attempt++) {
                if (deadLetters.retryAny(group)) {
                    processed++;
                }
            }
        }
        return processed;
    }

    @Override
    public synchronized void start() {
        long interval = this.interval.toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "dead-letter-retry");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            int processed = retryAll();
            if (processed > 0) {
                log.info("Retried dead letters: {} sequences handled", processed);
            }
        } catch (RuntimeException e) {
            // the next tick tries again; a failing letter's own failure is recorded in it, not thrown
            log.warn("Retrying dead letters failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** After Axon's processors have started (they run in lower phases), before web serving stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
