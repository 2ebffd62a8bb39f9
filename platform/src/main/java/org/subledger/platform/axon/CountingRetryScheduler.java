package org.subledger.platform.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonTransientException;

import java.util.List;

/**
 * Retries a command only after a transient failure, typically a concurrency conflict with another node on the same
 * aggregate, and counts those retries ({@code ledger.commands.retried}); a steady rate points at aggregates shared by
 * several nodes. A business refusal or any other failure is answered at once: Axon's schedulers would retry
 * everything not marked non-transient, including refusals wrapped in a {@code CommandExecutionException}.
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
        if (!isTransient(lastFailure)) {
            return false;
        }
        boolean scheduled = delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
        if (scheduled) {
            retried.increment();
        }
        return scheduled;
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AxonTransientException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
