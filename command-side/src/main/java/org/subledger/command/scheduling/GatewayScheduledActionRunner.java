package org.subledger.command.scheduling;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends the command through the command gateway on a thread of its own: the deadline runs inside the scheduled
 * action's unit of work and transaction, and the subscription command must have its own, or a refusal would mark the
 * shared transaction rollback-only and the failure could not be recorded. The command commits before the outcome
 * does: should the node stop in between, the deadline runs again and the repeated command is refused (at least
 * once, recorded as failed).
 */
@Component
class GatewayScheduledActionRunner implements ScheduledActionRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GatewayScheduledActionRunner.class);

    private final CommandGateway commandGateway;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "scheduled-action");
        thread.setDaemon(true);
        return thread;
    });

    GatewayScheduledActionRunner(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Override
    public RefusalDetails run(Object command) {
        try {
            CompletableFuture.runAsync(() -> commandGateway.sendAndWait(command), executor).get();
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a scheduled action", interrupted);
        } catch (ExecutionException failed) {
            return refusal(failed.getCause());
        }
    }

    static RefusalDetails refusal(Throwable failure) {
        if (failure instanceof LedgerRefusal refusal) {
            return refusal.details();
        }
        if (failure instanceof CommandExecutionException execution) {
            if (execution.getDetails().orElse(null) instanceof RefusalDetails details) {
                return details;
            }
            if (execution.getCause() instanceof AggregateNotFoundException) {
                return notFound();
            }
        }
        if (failure instanceof AggregateNotFoundException) {
            return notFound();
        }
        log.error("Scheduled action failed unexpectedly", failure);
        return new RefusalDetails(ErrorCode.INTERNAL_ERROR, String.valueOf(failure), Map.of());
    }

    private static RefusalDetails notFound() {
        return new RefusalDetails(ErrorCode.SUBSCRIPTION_NOT_FOUND, "No such subscription", Map.of());
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
