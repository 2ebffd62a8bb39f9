package org.subledger.command.scheduling;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
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
 * Sends a subscription command on behalf of the ledger's own work (a scheduled action, a collections run), once: the
 * command carries an idempotency key naming that work, and so does every event it records (the correlation data
 * travels on). Work that stopped between sending the command and recording its outcome finds the key on the
 * subscription's stream when it is done again, and counts the command as accepted without sending it again, so it
 * is neither carried out twice nor recorded as refused by the repeat.
 * <p>
 * The command is sent on a thread of its own: the caller may be inside a unit of work and transaction of its own (a
 * scheduled action's deadline), and the subscription command must have its own, or a refusal would mark the shared
 * transaction rollback-only and the outcome could not be recorded.
 */
@Component
public class KeyedSubscriptionCommands implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedSubscriptionCommands.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "keyed-subscription-command");
        thread.setDaemon(true);
        return thread;
    });

    public KeyedSubscriptionCommands(@Lazy CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    /**
     * Sends {@code command} to the subscription keyed by {@code idempotencyKey}; answers null when it was accepted,
     * now or earlier, and the refusal otherwise. {@code mayHaveBeenSent}: only then is the stream looked at (a
     * subscription's whole stream is read, so work that knows it never sent the key skips the read).
     */
    public RefusalDetails send(String idempotencyKey, String subscriptionId, Object command,
                               boolean mayHaveBeenSent) {
        if (mayHaveBeenSent && alreadyRecorded(idempotencyKey, subscriptionId)) {
            LOG.info("{} was already carried out on subscription {}: not sent again", idempotencyKey,
                    subscriptionId);
            return null;
        }
        var message = message(idempotencyKey, command);
        try {
            CompletableFuture.runAsync(() -> commands.sendAndWait(message), executor).get();
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + idempotencyKey, interrupted);
        } catch (ExecutionException failed) {
            return refusal(failed.getCause());
        }
    }

    /** The message such work sends: its command, keyed. */
    public static CommandMessage<?> message(String idempotencyKey, Object command) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(LedgerMetadata.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** From sequence 0, not from a snapshot: the events before a snapshot count too. */
    private boolean alreadyRecorded(String idempotencyKey, String subscriptionId) {
        return eventStore.readEvents(subscriptionId, 0).asStream()
                .anyMatch(event -> idempotencyKey.equals(event.getMetaData().get(LedgerMetadata.IDEMPOTENCY_KEY)));
    }

    /** The business refusal behind a failed command; a defect is logged and reported as an internal error. */
    public static RefusalDetails refusal(Throwable failure) {
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
        // a defect, not a business refusal: the command gateway has retried it already; recorded with the work so an
        // operator sees it, and the work goes on with the next item
        LOG.error("A subscription command failed unexpectedly", failure);
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
