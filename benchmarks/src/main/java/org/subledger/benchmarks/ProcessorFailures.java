package org.subledger.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the failed batches of one processing group while attached: what Axon's pooled processor logs (at WARN, by
 * its work packages) when a batch throws, after which it retries the batch; and of those, how many PostgreSQL aborted
 * as a deadlock ({@code 40P01}, "deadlock detected" in the cause chain). A figure independent of the machine's load.
 */
final class ProcessorFailures extends AppenderBase<ILoggingEvent> {

    private static final String LOGGER = "org.axonframework.eventhandling.pooled";

    private final String group;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger deadlocks = new AtomicInteger();

    private ProcessorFailures(String group) {
        this.group = group;
    }

    /** Starts counting the failed batches of {@code group}. */
    static ProcessorFailures of(String group) {
        var failures = new ProcessorFailures(group);
        failures.start();
        ((Logger) LoggerFactory.getLogger(LOGGER)).addAppender(failures);
        return failures;
    }

    /** Stops counting. */
    void detach() {
        ((Logger) LoggerFactory.getLogger(LOGGER)).detachAppender(this);
        stop();
    }

    int failedBatches() {
        return failed.get();
    }

    int deadlocks() {
        return deadlocks.get();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message == null || !message.contains("[" + group + "]")) {
            return;
        }
        failed.incrementAndGet();
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("deadlock detected")) {
                deadlocks.incrementAndGet();
                return;
            }
        }
    }
}
