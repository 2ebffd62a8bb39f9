package org.subledger.command.scheduling;

import org.axonframework.commandhandling.CommandMessage;

/**
 * The command a scheduled action sends carries an idempotency key derived from the action's id, and so does every
 * event it records (the correlation data travels on). A deadline delivered again after its command was handled but
 * before the outcome was recorded (the node stopped in between) finds that key on the subscription's stream and
 * knows the action is done: it is not sent again, nor recorded as failed because the repeat would be refused.
 */
public final class ScheduledActionCommands {

    static final String KEY_PREFIX = "scheduled-action:";

    private ScheduledActionCommands() {
    }

    public static String idempotencyKey(String scheduledActionId) {
        return KEY_PREFIX + scheduledActionId;
    }

    /** The message the action sends: its command, keyed by the action. */
    public static CommandMessage<?> message(String scheduledActionId, Object command) {
        return KeyedSubscriptionCommands.message(idempotencyKey(scheduledActionId), command);
    }
}
