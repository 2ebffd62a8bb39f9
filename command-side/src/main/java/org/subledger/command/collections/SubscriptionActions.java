package org.subledger.command.collections;

import org.springframework.stereotype.Component;
import org.subledger.command.scheduling.KeyedSubscriptionCommands;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunOutcome;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.ReactivateSubscription;

import java.time.LocalDate;

/**
 * Deactivates or reactivates one subscription for a run, through the subscription's own command (so its rules hold
 * and the provisioning saga is told), keyed by the run ({@link CollectionRunCommands}): a run resumed after its node
 * stopped between acting and recording the batch counts a subscription carrying its key as acted on, without sending
 * the command again.
 */
@Component
class SubscriptionActions {

    private final KeyedSubscriptionCommands commands;

    SubscriptionActions(KeyedSubscriptionCommands commands) {
        this.commands = commands;
    }

    /** Acts on the subscription unless this run did already ({@code mayHaveActed}: only then is it looked for). */
    RunOutcome act(String runId, RunKind kind, String subscriptionId, LocalDate actionDate, boolean mayHaveActed) {
        Object command = kind == RunKind.DEACTIVATION
                ? new DeactivateSubscription(subscriptionId, actionDate, ActionClassification.none())
                : new ReactivateSubscription(subscriptionId, actionDate, ActionClassification.none());
        var refusal = commands.send(CollectionRunCommands.idempotencyKey(runId), subscriptionId, command,
                mayHaveActed);
        return refusal == null ? RunOutcome.acted(subscriptionId)
                : RunOutcome.refused(subscriptionId, refusal.code().name(), refusal.message());
    }
}
