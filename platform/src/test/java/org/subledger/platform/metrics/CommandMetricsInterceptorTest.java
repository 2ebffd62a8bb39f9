package org.subledger.platform.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command handled is counted by its type and how it ended: committed, refused, or failed. */
class CommandMetricsInterceptorTest {

    record CloseDoor(String doorId) {
    }

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CommandMetricsInterceptor interceptor = new CommandMetricsInterceptor(registry);

    @Test
    void aCommittedCommandIsASuccess() {
        handle(() -> "done");

        assertThat(count("success")).isEqualTo(1);
    }

    @Test
    void aBusinessRefusalIsRefusedAndAnyOtherFailureFailed() {
        handle(() -> {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "closed");
        });
        handle(() -> {
            throw new IllegalStateException("connection reset");
        });

        assertThat(count("refused")).isEqualTo(1);
        assertThat(count("failed")).isEqualTo(1);
        assertThat(registry.find(CommandMetricsInterceptor.METRIC).tag("outcome", "success").timer()).isNull();
    }

    private void handle(org.axonframework.messaging.InterceptorChain handler) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(new CloseDoor("d-1")));
        unitOfWork.executeWithResult(() -> interceptor.handle(unitOfWork, handler));
    }

    private long count(String outcome) {
        return registry.get(CommandMetricsInterceptor.METRIC).tag("command", "CloseDoor").tag("outcome", outcome)
                .timer().count();
    }
}
