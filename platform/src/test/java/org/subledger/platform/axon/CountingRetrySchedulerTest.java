package org.subledger.platform.axon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CountingRetrySchedulerTest {

    final AtomicInteger scheduled = new AtomicInteger();
    final RetryScheduler alwaysRetries = (command, failure, failures, dispatch) -> {
        scheduled.incrementAndGet();
        return true;
    };
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CountingRetryScheduler scheduler = new CountingRetryScheduler(alwaysRetries, meters);
    final GenericCommandMessage<String> command = new GenericCommandMessage<>("a command");

    @Test
    void retriesAConcurrencyConflictAndCountsIt() {
        assertThat(scheduler.scheduleRetry(command, new ConcurrencyException("another node was first"), List.of(),
                () -> { })).isTrue();
        assertThat(meters.counter(CountingRetryScheduler.METRIC).count()).isEqualTo(1.0);
    }

    @Test
    void neverRetriesABusinessRefusal() {
        var refusal = new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "closed");
        var wrapped = new CommandExecutionException(refusal.getMessage(), null, refusal.details());
        assertThat(scheduler.scheduleRetry(command, wrapped, List.of(), () -> { })).isFalse();
        assertThat(scheduler.scheduleRetry(command, refusal, List.of(), () -> { })).isFalse();
        assertThat(scheduler.scheduleRetry(command, new IllegalStateException("bug"), List.of(), () -> { }))
                .isFalse();
        assertThat(scheduled).hasValue(0);
        assertThat(meters.counter(CountingRetryScheduler.METRIC).count()).isZero();
    }
}
