package org.subledger.command.collections;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunOutcome;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.ReactivateSubscription;

import java.time.LocalDate;
import java.util.Map;

/**
 * Deactivates or reactivates one subscription for a run, through the subscription's own command (so its rules hold
 * and the provisioning saga is told), keyed by the run ({@link CollectionRunCommands}): a run resumed after its node
 * stopped between acting and recording the batch counts a subscription carrying its key as acted on, without sending
 * the command again.
 */
@Component
class SubscriptionActions {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionActions.class);

    private final CommandGateway commands;
    private final EventStore eventStore;

    SubscriptionActions(@Lazy CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    /** Acts on the subscription unless this run did already ({@code mayHaveActed}: only then is it looked for). */
    RunOutcome act(String runId, RunKind kind, String subscriptionId, LocalDate actionDate, boolean mayHaveActed) {
        if (mayHaveActed && alreadyActed(runId, subscriptionId)) {
            LOG.info("Run {} had already acted on subscription {}: not sent again", runId, subscriptionId);
            return RunOutcome.acted(subscriptionId);
        }
        Object command = kind == RunKind.DEACTIVATION
                ? new DeactivateSubscription(subscriptionId, actionDate, ActionClassification.none())
                : new ReactivateSubscription(subscriptionId, actionDate, ActionClassification.none());
        try {
            commands.sendAndWait(CollectionRunCommands.message(runId, command));
            return RunOutcome.acted(subscriptionId);
        } catch (RuntimeException failure) {
            RefusalDetails refusal = refusal(failure);
            return RunOutcome.refused(subscriptionId, refusal.code().name(), refusal.message());
        }
    }

    /** From sequence 0, not from a snapshot: the events before a snapshot count too. */
    private boolean alreadyActed(String runId, String subscriptionId) {
        String key = CollectionRunCommands.idempotencyKey(runId);
        return eventStore.readEvents(subscriptionId, 0).asStream()
                .anyMatch(event -> key.equals(event.getMetaData().get(LedgerMetadata.IDEMPOTENCY_KEY)));
    }

    private static RefusalDetails refusal(RuntimeException failure) {
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
        // a defect, not a business refusal: the command gateway has retried it already; recorded with the run so an
        // operator sees it, and the run goes on with the next subscription
        LOG.error("A run's subscription command failed unexpectedly", failure);
        return new RefusalDetails(ErrorCode.INTERNAL_ERROR, String.valueOf(failure), Map.of());
    }

    private static RefusalDetails notFound() {
        return new RefusalDetails(ErrorCode.SUBSCRIPTION_NOT_FOUND, "No such subscription", Map.of());
    }
}
