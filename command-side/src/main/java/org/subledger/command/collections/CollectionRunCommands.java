package org.subledger.command.collections;

import org.axonframework.commandhandling.CommandMessage;
import org.subledger.command.scheduling.KeyedSubscriptionCommands;

/**
 * A run's subscription commands carry an idempotency key naming the run, and so does every event they record (the
 * correlation data travels on): a run resumed after its node stopped between acting and recording the batch finds the
 * key on the subscription's stream and knows the subscription was acted on.
 */
public final class CollectionRunCommands {

    static final String KEY_PREFIX = "collection-run:";

    private CollectionRunCommands() {
    }

    public static String idempotencyKey(String runId) {
        return KEY_PREFIX + runId;
    }

    /** The message a run sends to a subscription: its command, keyed by the run. */
    public static CommandMessage<?> message(String runId, Object command) {
        return KeyedSubscriptionCommands.message(idempotencyKey(runId), command);
    }
}
