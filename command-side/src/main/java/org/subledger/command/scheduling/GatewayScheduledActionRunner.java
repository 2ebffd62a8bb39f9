package org.subledger.command.scheduling;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.subledger.kernel.error.RefusalDetails;

/**
 * Runs a due action's command keyed by the action ({@link ScheduledActionCommands}) through
 * {@link KeyedSubscriptionCommands}: the deadline runs again should the node stop between the command and the
 * recording of its outcome, and then finds the command's events and reports the action done without sending it again.
 * A scheduled-actions run carries actions out through the same runner.
 */
@Component
class GatewayScheduledActionRunner implements ScheduledActionRunner {

    private final KeyedSubscriptionCommands commands;
    private final boolean runsWhenDue;

    GatewayScheduledActionRunner(KeyedSubscriptionCommands commands,
                                 @Value("${ledger.scheduled-actions.run-when-due:true}") boolean runsWhenDue) {
        this.commands = commands;
        this.runsWhenDue = runsWhenDue;
    }

    /** {@code ledger.scheduled-actions.run-when-due=false}: actions wait for the scheduled-actions runs. */
    @Override
    public boolean runsWhenDue() {
        return runsWhenDue;
    }

    @Override
    public RefusalDetails run(String scheduledActionId, String subscriptionId, Object command) {
        // a deadline may always be a repeat delivery: the stream is looked at every time
        return commands.send(ScheduledActionCommands.idempotencyKey(scheduledActionId), subscriptionId, command, true);
    }
}
