package org.subledger.platform.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;

import java.util.List;

/**
 * Counts the commands retried after a transient failure ({@code ledger.commands.retried}), typically a concurrency
 * conflict with another node on the same aggregate. A steady rate points at aggregates shared by several nodes.
 */
public class CountingRetryScheduler implements RetryScheduler {

    public static final String METRIC = "ledger.commands.retried";

    private final RetryScheduler delegate;
    private final Counter retried;

    public CountingRetryScheduler(RetryScheduler delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.retried = Counter.builder(METRIC).description("commands retried after a transient failure")
                .register(registry);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        boolean scheduled = delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
        if (scheduled) {
            retried.increment();
        }
        return scheduled;
    }
}
