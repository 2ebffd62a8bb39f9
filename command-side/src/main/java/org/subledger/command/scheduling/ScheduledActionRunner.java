package org.subledger.command.scheduling;

import org.subledger.kernel.error.RefusalDetails;

/**
 * Runs a due scheduled action's subscription command, once: answers null when the command was accepted, now or by
 * an earlier delivery of the same action, and the refusal otherwise.
 */
public interface ScheduledActionRunner {

    RefusalDetails run(String scheduledActionId, String subscriptionId, Object command);

    /**
     * Whether an action runs by itself when its day comes (its deadline); if not, it waits for a scheduled-actions
     * run of its behaviour code (the seed's nightly batches), which runs it whenever the ledger does.
     */
    default boolean runsWhenDue() {
        return true;
    }
}
