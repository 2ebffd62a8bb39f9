package org.subledger.command.scheduling;

import org.springframework.stereotype.Component;
import org.subledger.kernel.error.RefusalDetails;

/**
 * Runs a due action's command keyed by the action ({@link ScheduledActionCommands}) through
 * {@link KeyedSubscriptionCommands}: the deadline runs again should the node stop between the command and the
 * recording of its outcome, and then finds the command's events and reports the action done without sending it again.
 */
@Component
class GatewayScheduledActionRunner implements ScheduledActionRunner {

    private final KeyedSubscriptionCommands commands;

    GatewayScheduledActionRunner(KeyedSubscriptionCommands commands) {
        this.commands = commands;
    }

    @Override
    public RefusalDetails run(String scheduledActionId, String subscriptionId, Object command) {
        // a deadline may always be a repeat delivery: the stream is looked at every time
        return commands.send(ScheduledActionCommands.idempotencyKey(scheduledActionId), subscriptionId, command, true);
    }
}
