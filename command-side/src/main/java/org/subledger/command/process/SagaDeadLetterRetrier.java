package org.subledger.command.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Retries the sagas' dead letters every {@code ledger.sagas.dead-letter-retry-interval} (default 5 minutes): a
 * failure that was transient, or whose cause was fixed, heals without an operator.
 */
@Component
class SagaDeadLetterRetrier implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SagaDeadLetterRetrier.class);

    private final SagaDeadLetters deadLetters;
    private final SagaRetryProperties properties;
    private ScheduledExecutorService executor;

    SagaDeadLetterRetrier(SagaDeadLetters deadLetters, SagaRetryProperties properties) {
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        long interval = properties.deadLetterRetryInterval().toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "saga-dead-letter-retry");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            int handled = deadLetters.retryAll();
            if (handled > 0) {
                LOG.info("Retried the sagas' dead letters: {} sequences handled", handled);
            }
        } catch (RuntimeException e) {
            LOG.warn("Retrying the sagas' dead letters failed; the next tick tries again", e);
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

    /** After Axon's processors have started (they run in lower phases). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
