package org.subledger.command.scheduling;

import org.subledger.kernel.error.RefusalDetails;

/**
 * Runs a due scheduled action's subscription command, once: answers null when the command was accepted, now or by
 * an earlier delivery of the same action, and the refusal otherwise.
 */
public interface ScheduledActionRunner {

    RefusalDetails run(String scheduledActionId, String subscriptionId, Object command);
}
