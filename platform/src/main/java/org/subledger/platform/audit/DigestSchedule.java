package org.subledger.platform.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes a digest every interval of wall-clock time (not the ledger's business clock, which tests move), the first
 * one at start. Every node writes its own: a digest is an observation, and more of them only narrow a search.
 */
public class DigestSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    private final DigestLog digests;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public DigestSchedule(DigestLog digests, Duration interval) {
        this.digests = digests;
        this.interval = interval;
    }

    private void write() {
        try {
            var digest = digests.record();
            log.debug("Audit digest {}", digest.text());
        } catch (RuntimeException e) {
            log.warn("No audit digest written this time: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "audit-digests");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::write, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
