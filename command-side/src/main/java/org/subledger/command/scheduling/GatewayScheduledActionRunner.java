package org.subledger.command.scheduling;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends the command through the command gateway on a thread of its own: the deadline runs inside the scheduled
 * action's unit of work and transaction, and the subscription command must have its own, or a refusal would mark the
 * shared transaction rollback-only and the failure could not be recorded. The command commits before the outcome
 * does: should the node stop in between, the deadline runs again, finds the events its command recorded on the
 * subscription's stream (by the key {@link ScheduledActionCommands} gives it) and reports the action done without
 * sending it again, so it is neither run twice nor recorded as failed by the refused repeat.
 */
@Component
class GatewayScheduledActionRunner implements ScheduledActionRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GatewayScheduledActionRunner.class);

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "scheduled-action");
        thread.setDaemon(true);
        return thread;
    });

    GatewayScheduledActionRunner(CommandGateway commandGateway, EventStore eventStore) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
    }

    @Override
    public RefusalDetails run(String scheduledActionId, String subscriptionId, Object command) {
        if (alreadyRecorded(scheduledActionId, subscriptionId)) {
            log.info("Scheduled action {} was already carried out on subscription {}: not sent again",
                    scheduledActionId, subscriptionId);
            return null;
        }
        try {
            CompletableFuture.runAsync(() -> commandGateway.sendAndWait(
                    ScheduledActionCommands.message(scheduledActionId, command)), executor).get();
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a scheduled action", interrupted);
        } catch (ExecutionException failed) {
            return refusal(failed.getCause());
        }
    }

    /** From sequence 0, not from a snapshot: the events before a snapshot count too. */
    private boolean alreadyRecorded(String scheduledActionId, String subscriptionId) {
        String key = ScheduledActionCommands.idempotencyKey(scheduledActionId);
        return eventStore.readEvents(subscriptionId, 0).asStream()
                .anyMatch(event -> key.equals(event.getMetaData().get(LedgerMetadata.IDEMPOTENCY_KEY)));
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
